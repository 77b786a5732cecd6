//! Who delivers text messages. A real provider (an SMS gateway's API) implements [`Provider`];
//! [`FileProvider`] writes each message to a file, for development and tests.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;

use uuid::Uuid;

/// The provider's answer: its own id for the message (receipts name it), or why it refused.
pub type Sent<'a> = Pin<Box<dyn Future<Output = Result<String, String>> + Send + 'a>>;

pub trait Provider: Send + Sync {
    /// Hands one message over; `id` is Withus's id, so a retry after a crash is recognisable.
    fn send<'a>(&'a self, id: Uuid, to: &'a str, body: &'a str) -> Sent<'a>;
}

/// Writes each message as `<id>.txt` in a folder: the number on the first line, then the words.
pub struct FileProvider {
    pub dir: PathBuf,
}

impl Provider for FileProvider {
    fn send<'a>(&'a self, id: Uuid, to: &'a str, body: &'a str) -> Sent<'a> {
        Box::pin(async move {
            tokio::fs::create_dir_all(&self.dir)
                .await
                .map_err(|e| format!("could not create {}: {e}", self.dir.display()))?;
            let path = self.dir.join(format!("{id}.txt"));
            tokio::fs::write(&path, format!("To: {to}\n\n{body}\n"))
                .await
                .map_err(|e| format!("could not write {}: {e}", path.display()))?;
            Ok(format!("file-{id}"))
        })
    }
}
