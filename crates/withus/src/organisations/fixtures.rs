//! Writing organisations directly, for test set-ups and demo data only. These writes skip the audit
//! log that the commands apply, so request handling never uses them: the architecture test allows
//! only `demo` (and the tests) to name a capability's fixtures.

pub use super::storage::*;
