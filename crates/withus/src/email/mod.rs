//! Email: a transactional outbox and a background worker that delivers it.
//!
//! A change that causes an email writes the outbox row in its own transaction, so the email exists if
//! and only if the change committed. The worker claims due rows with a lease, sends, and marks them
//! sent; a crashed worker's lease runs out and another picks the row up, so nothing is lost. Each
//! message carries a Message-ID derived from its outbox id, so a re-send after a crash mid-delivery is
//! recognisable as the same message.

pub mod outbox;
pub mod transport;
pub mod worker;

pub use outbox::{Attachment, Extras, OutgoingEmail, enqueue, enqueue_with};
