//! Standalone `withus-select`, the same as `withus select` in the app.

use std::process::ExitCode;

use clap::Parser;
use withus_selection::cli::{SelectArgs, run_cli};

#[derive(Parser)]
#[command(
    name = "withus-select",
    about = "Fair selection of a panel by quotas (leximin)"
)]
struct Cli {
    #[command(flatten)]
    args: SelectArgs,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut stdout = std::io::stdout();
    match run_cli(&cli.args, &mut stdout) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
