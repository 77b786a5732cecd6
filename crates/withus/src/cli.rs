//! The `withus` command line.

use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(
    name = "withus",
    version,
    about = "Withus: co-production between disabled people and the public bodies that plan services for them.",
    long_about = "Withus: co-production between disabled people and the public bodies that plan services for them.\n\n\
        Configuration comes from environment variables (see the README): WITHUS_ADDR, DATABASE_URL, \
        WITHUS_DATA_DIR, WITHUS_ENCRYPTION_KEYS or WITHUS_ENCRYPTION_KEY_FILE, WITHUS_SMTP_URL and others."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the web application (migrating the database first).
    Serve,
    /// Run the web application with demo data loaded, and print the demo sign-in details.
    Demo {
        /// Also generate made-up people on the demo panel until there are this many (for trying
        /// the register at scale; 100000 takes a minute or two).
        #[arg(long, value_name = "N")]
        people: Option<usize>,
    },
    /// Apply database migrations and exit.
    Migrate,
    /// Administrative tasks.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Encryption keys for special-category data.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// Fair selection of a panel from CSV files: LEXIMIN probabilities within quotas, and a
    /// verifiable draw. Reads the same files as the Sortition Foundation's tools.
    Select(withus_selection::cli::SelectArgs),
    /// Keep today's snapshot of each organisation's public accountability figures, as the daily
    /// sweep does; a day already kept is left as it was.
    Snapshots,
    /// The append-only audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
}

#[derive(Subcommand, Debug)]
pub enum AdminCommand {
    /// Create an account. The password is read from WITHUS_NEW_PASSWORD or, if unset, from standard input.
    CreateUser {
        /// Email address to sign in with.
        #[arg(long)]
        email: String,
        /// The name the person is called by.
        #[arg(long)]
        name: String,
        /// Make the account a site administrator.
        #[arg(long)]
        site_admin: bool,
        /// Add the account to this organisation (by exact name)...
        #[arg(long, requires = "role")]
        organisation: Option<String>,
        /// ...with this role: member, facilitator, officer, organisation_admin or auditor.
        #[arg(long, requires = "organisation")]
        role: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum KeysCommand {
    /// Print a new random key entry (ID=BASE64) to add to the key file.
    Generate {
        /// The id for the new key (1-255); use one higher than any existing key.
        #[arg(long, default_value_t = 1)]
        id: u8,
    },
    /// Re-encrypt every stored value with the active key, so old keys can be retired.
    Rotate,
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Check the hash chain and report the first broken link.
    Verify,
}
