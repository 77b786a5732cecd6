//! Cryptography: passwords, random tokens and field encryption. Request hardening (CSRF, body
//! limits, headers) is web middleware, in `web`.

pub mod field_crypto;
pub mod passwords;
pub mod tokens;
