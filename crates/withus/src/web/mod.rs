//! The web layer shared by every capability: request context, pages, forms, errors and access rules.

pub mod access;
pub mod body_limit;
pub mod chart;
pub mod client;
pub mod components;
pub mod context;
pub mod cookies;
pub mod csrf;
pub mod csv;
pub mod dates;
pub mod errors;
pub mod forms;
pub mod headers;
pub mod input_guard;
pub mod page;
pub mod paths;
pub mod respond;
pub mod routing;

pub use access::Access;
pub use context::{CurrentUser, RequestContext};
pub use errors::{AppError, AppResult};
pub use forms::FormErrors;
pub use page::{Page, render};
pub use paths::Ids;
