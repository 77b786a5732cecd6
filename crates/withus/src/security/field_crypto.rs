//! Encryption at rest for special-category data (health, ethnicity, access needs…).
//!
//! Each value is sealed with XChaCha20-Poly1305: random 192-bit nonces need no bookkeeping. The stored
//! layout is `[key id: u8][nonce: 24 bytes][ciphertext + tag]`, so keys can rotate: old values stay
//! readable under their own key until `withus keys rotate` re-seals them with the active one. The
//! associated data names the table, column and row, so a value copied to another row fails to open.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

const NONCE_LEN: usize = 24;

/// Every key Withus can open values with, and the one it seals new values with.
#[derive(Clone)]
pub struct KeyRing {
    keys: BTreeMap<u8, XChaCha20Poly1305>,
    active: u8,
    /// Key for blind-index tokens, derived from the lowest-numbered key so that adding a key for
    /// rotation does not change existing tokens.
    index_key: [u8; 32],
}

impl fmt::Debug for KeyRing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyRing")
            .field("key_ids", &self.keys.keys().collect::<Vec<_>>())
            .field("active", &self.active)
            .finish()
    }
}

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum KeyRingError {
    #[error(
        "no encryption keys were given. Set WITHUS_ENCRYPTION_KEYS or WITHUS_ENCRYPTION_KEY_FILE (run `withus keys generate` to make one)"
    )]
    NoKeys,
    #[error(
        "encryption key entry {entry} is not in the form ID=BASE64 (ID is a number from 1 to 255)"
    )]
    BadEntry { entry: usize },
    #[error("encryption key {id} must be 32 bytes encoded in base64; it decodes to {len} bytes")]
    BadLength { id: u8, len: usize },
    #[error("encryption key id {id} appears twice")]
    Duplicate { id: u8 },
    #[error("the active encryption key id {id} is not among the keys given")]
    UnknownActive { id: u8 },
    #[error("could not read the encryption key file {path}: {reason}")]
    File { path: String, reason: String },
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum OpenError {
    #[error("the stored value is too short to be an encrypted value")]
    Truncated,
    #[error("the value was sealed with key {0}, which is not configured")]
    UnknownKey(u8),
    #[error("the value failed its integrity check (wrong key, wrong row, or tampered with)")]
    Tampered,
}

/// Why sealing stored values again under the active key stopped (key rotation).
#[derive(Debug, thiserror::Error)]
pub enum ResealError {
    #[error(
        "could not decrypt the {what}: {reason}. Is the key it was sealed with still configured?"
    )]
    Undecryptable { what: String, reason: OpenError },
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
}

/// Where an encrypted value lives; bound into the ciphertext as associated data.
#[derive(Debug, Clone, Copy)]
pub struct FieldContext<'a> {
    pub table: &'a str,
    pub column: &'a str,
    pub row_id: uuid::Uuid,
}

impl FieldContext<'_> {
    fn aad(&self) -> Vec<u8> {
        format!("{}.{}:{}", self.table, self.column, self.row_id).into_bytes()
    }
}

fn derive_index_key(key: &[u8]) -> [u8; 32] {
    use hmac::{KeyInit, Mac};
    let mut mac =
        hmac::Hmac::<sha2::Sha256>::new_from_slice(key).expect("HMAC accepts any key length");
    mac.update(b"withus blind index v1");
    mac.finalize().into_bytes().into()
}

impl KeyRing {
    /// Parses `ID=BASE64` entries separated by commas or new lines. The active key is `active`, or
    /// the highest id when none is given.
    pub fn parse(spec: &str, active: Option<u8>) -> Result<KeyRing, KeyRingError> {
        let mut keys = BTreeMap::new();
        let mut lowest: Option<(u8, Vec<u8>)> = None;
        let entries = spec
            .split([',', '\n'])
            .map(str::trim)
            .filter(|e| !e.is_empty() && !e.starts_with('#'));
        for (index, entry) in entries.enumerate() {
            let bad = KeyRingError::BadEntry { entry: index + 1 };
            let (id, key) = entry.split_once('=').ok_or(bad.clone())?;
            let id: u8 = id.trim().parse().map_err(|_| bad.clone())?;
            if id == 0 {
                return Err(bad);
            }
            let bytes = STANDARD.decode(key.trim()).map_err(|_| bad.clone())?;
            if bytes.len() != 32 {
                return Err(KeyRingError::BadLength {
                    id,
                    len: bytes.len(),
                });
            }
            let cipher = XChaCha20Poly1305::new_from_slice(&bytes).map_err(|_| bad)?;
            if lowest.as_ref().is_none_or(|(low, _)| id < *low) {
                lowest = Some((id, bytes.clone()));
            }
            if keys.insert(id, cipher).is_some() {
                return Err(KeyRingError::Duplicate { id });
            }
        }
        let highest = *keys.keys().next_back().ok_or(KeyRingError::NoKeys)?;
        let active = active.unwrap_or(highest);
        if !keys.contains_key(&active) {
            return Err(KeyRingError::UnknownActive { id: active });
        }
        let index_key = lowest
            .map(|(_, bytes)| derive_index_key(&bytes))
            .ok_or(KeyRingError::NoKeys)?;
        Ok(KeyRing {
            keys,
            active,
            index_key,
        })
    }

    pub fn from_file(path: &Path, active: Option<u8>) -> Result<KeyRing, KeyRingError> {
        let text = std::fs::read_to_string(path).map_err(|e| KeyRingError::File {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        KeyRing::parse(&text, active)
    }

    /// A new random key entry, `ID=BASE64`.
    pub fn generate_entry(id: u8) -> String {
        format!(
            "{id}={}",
            STANDARD.encode(super::tokens::random_bytes::<32>())
        )
    }

    /// A keyed, deterministic token for an exact value, so equal values can be found and counted
    /// without storing them (a blind index). 16 bytes of HMAC-SHA-256.
    pub fn blind_token(&self, value: &str) -> Vec<u8> {
        use hmac::{KeyInit, Mac};
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&self.index_key)
            .expect("HMAC accepts any key length");
        mac.update(value.as_bytes());
        mac.finalize().into_bytes()[..16].to_vec()
    }

    pub fn active_id(&self) -> u8 {
        self.active
    }

    pub fn seal(&self, plaintext: &str, at: FieldContext<'_>) -> Vec<u8> {
        self.seal_bytes(plaintext.as_bytes(), at)
    }

    /// Seals bytes that are not text, such as an uploaded file.
    pub fn seal_bytes(&self, plaintext: &[u8], at: FieldContext<'_>) -> Vec<u8> {
        let nonce_bytes = super::tokens::random_bytes::<NONCE_LEN>();
        let nonce = XNonce::from(nonce_bytes);
        let cipher = &self.keys[&self.active];
        let aad = at.aad();
        let sealed = cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: plaintext,
                    aad: &aad,
                },
            )
            .expect("XChaCha20-Poly1305 encryption of an in-memory value cannot fail");
        let mut out = Vec::with_capacity(1 + NONCE_LEN + sealed.len());
        out.push(self.active);
        out.extend_from_slice(&nonce_bytes);
        out.extend_from_slice(&sealed);
        out
    }

    pub fn open(&self, stored: &[u8], at: FieldContext<'_>) -> Result<String, OpenError> {
        String::from_utf8(self.open_bytes(stored, at)?).map_err(|_| OpenError::Tampered)
    }

    /// Opens bytes sealed by [`KeyRing::seal_bytes`].
    pub fn open_bytes(&self, stored: &[u8], at: FieldContext<'_>) -> Result<Vec<u8>, OpenError> {
        if stored.len() < 1 + NONCE_LEN + 16 {
            return Err(OpenError::Truncated);
        }
        let key_id = stored[0];
        let cipher = self
            .keys
            .get(&key_id)
            .ok_or(OpenError::UnknownKey(key_id))?;
        let nonce_bytes: [u8; NONCE_LEN] = stored[1..1 + NONCE_LEN]
            .try_into()
            .map_err(|_| OpenError::Truncated)?;
        let aad = at.aad();
        let plain = cipher
            .decrypt(
                &XNonce::from(nonce_bytes),
                Payload {
                    msg: &stored[1 + NONCE_LEN..],
                    aad: &aad,
                },
            )
            .map_err(|_| OpenError::Tampered)?;
        Ok(plain)
    }

    /// True when the value is sealed with a key other than the active one.
    pub fn needs_rotation(&self, stored: &[u8]) -> bool {
        stored.first() != Some(&self.active)
    }

    /// The value sealed again under the active key, or `None` when it already is. `what` names
    /// the value in the error if it cannot be opened.
    pub fn resealed(
        &self,
        stored: &[u8],
        at: FieldContext<'_>,
        what: impl FnOnce() -> String,
    ) -> Result<Option<Vec<u8>>, ResealError> {
        if !self.needs_rotation(stored) {
            return Ok(None);
        }
        let plain = self
            .open(stored, at)
            .map_err(|reason| ResealError::Undecryptable {
                what: what(),
                reason,
            })?;
        Ok(Some(self.seal(&plain, at)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(row_id: uuid::Uuid) -> FieldContext<'static> {
        FieldContext {
            table: "accounts",
            column: "support_needs",
            row_id,
        }
    }

    #[test]
    fn seals_and_opens_without_leaking_plaintext() {
        let ring = KeyRing::parse(&KeyRing::generate_entry(1), None).unwrap();
        let row = uuid::Uuid::now_v7();
        let sealed = ring.seal("uses a wheelchair", ctx(row));
        assert!(!sealed.windows(10).any(|w| w == b"wheelchair"));
        assert_eq!(ring.open(&sealed, ctx(row)).unwrap(), "uses a wheelchair");
    }

    #[test]
    fn a_value_moved_to_another_row_or_altered_fails_to_open() {
        let ring = KeyRing::parse(&KeyRing::generate_entry(1), None).unwrap();
        let sealed = ring.seal("BSL user", ctx(uuid::Uuid::now_v7()));
        assert_eq!(
            ring.open(&sealed, ctx(uuid::Uuid::now_v7())),
            Err(OpenError::Tampered)
        );
        let row = uuid::Uuid::now_v7();
        let mut sealed = ring.seal("BSL user", ctx(row));
        let last = sealed.len() - 1;
        sealed[last] ^= 1;
        assert_eq!(ring.open(&sealed, ctx(row)), Err(OpenError::Tampered));
    }

    #[test]
    fn old_values_stay_readable_after_a_new_key_becomes_active() {
        let first = KeyRing::generate_entry(1);
        let old_ring = KeyRing::parse(&first, None).unwrap();
        let row = uuid::Uuid::now_v7();
        let sealed = old_ring.seal("quiet room", ctx(row));
        let new_ring =
            KeyRing::parse(&format!("{first}\n{}", KeyRing::generate_entry(2)), None).unwrap();
        assert_eq!(new_ring.active_id(), 2);
        assert!(new_ring.needs_rotation(&sealed));
        assert_eq!(new_ring.open(&sealed, ctx(row)).unwrap(), "quiet room");
        let resealed = new_ring.seal("quiet room", ctx(row));
        assert!(!new_ring.needs_rotation(&resealed));
        assert_eq!(
            old_ring.open(&resealed, ctx(row)),
            Err(OpenError::UnknownKey(2))
        );
    }

    #[test]
    fn key_specs_are_checked() {
        assert_eq!(KeyRing::parse("", None).unwrap_err(), KeyRingError::NoKeys);
        assert_eq!(
            KeyRing::parse("nonsense", None).unwrap_err(),
            KeyRingError::BadEntry { entry: 1 }
        );
        assert_eq!(
            KeyRing::parse("1=AAAA", None).unwrap_err(),
            KeyRingError::BadLength { id: 1, len: 3 }
        );
        let entry = KeyRing::generate_entry(3);
        assert_eq!(
            KeyRing::parse(&entry, Some(4)).unwrap_err(),
            KeyRingError::UnknownActive { id: 4 }
        );
    }
}
