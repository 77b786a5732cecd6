//! Random secrets handed to browsers (session ids, reset and invitation links). Only their SHA-256
//! hash is stored, so a copy of the database cannot be used to sign in or reset a password.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// A freshly generated secret and the hash to store for it.
pub struct IssuedToken {
    /// What goes into the cookie or link. Never stored.
    pub secret: String,
    pub hash: Vec<u8>,
}

pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system's random number generator failed");
    bytes
}

pub fn issue() -> IssuedToken {
    let secret = URL_SAFE_NO_PAD.encode(random_bytes::<32>());
    let hash = hash(&secret);
    IssuedToken { secret, hash }
}

pub fn hash(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}

/// Rejects values that cannot be tokens we issued before touching the database.
pub fn looks_valid(secret: &str) -> bool {
    secret.len() == 43
        && secret
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issued_tokens_are_unique_and_hash_to_what_is_stored() {
        let a = issue();
        let b = issue();
        assert_ne!(a.secret, b.secret);
        assert_eq!(hash(&a.secret), a.hash);
        assert!(looks_valid(&a.secret));
        assert!(!looks_valid("short"));
        assert!(!looks_valid(&format!("{}!", &a.secret[..42])));
    }
}
