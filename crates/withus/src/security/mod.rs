//! Cryptography and request hardening: passwords, random tokens, field encryption, CSRF and headers.

pub mod body_limit;
pub mod csrf;
pub mod field_crypto;
pub mod headers;
pub mod passwords;
pub mod tokens;
