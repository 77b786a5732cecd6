//! How the outboxes (email and text messages) retry: a lease per claim, back-off between
//! attempts, and a last attempt after which a message is failed for a person to look at.

use time::Duration;

/// How long a claimed row is reserved for one worker.
pub const LEASE: Duration = Duration::minutes(2);
/// After this many failed attempts a row is marked failed and left for a person to look at.
pub const MAX_ATTEMPTS: i32 = 8;

/// 30 s, 1 min, 2 min, … capped at one hour.
pub fn backoff(attempts: i32) -> Duration {
    let exponent = attempts.clamp(1, 8) - 1;
    Duration::seconds((30i64 << exponent).min(3600))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff(1), Duration::seconds(30));
        assert_eq!(backoff(2), Duration::seconds(60));
        assert_eq!(backoff(4), Duration::seconds(240));
        assert_eq!(backoff(20), Duration::seconds(3600));
    }
}
