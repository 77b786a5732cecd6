use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use clap::Parser;
use withus::admin::{self, NewUser};
use withus::app::Application;
use withus::audit::ChainReport;
use withus::cli::{AdminCommand, AuditCommand, Cli, Command, KeysCommand};
use withus::config::Config;
use withus::db::Db;
use withus::security::field_crypto::KeyRing;
use withus::{assets, demo, telemetry};

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    // Selection works on files alone: no database or configuration needed.
    if let Command::Select(args) = &cli.command {
        return select(args);
    }
    let demo_mode = matches!(cli.command, Command::Demo { .. });
    let config = match Config::from_env(demo_mode) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("withus: configuration problem: {error}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(config.log_format);
    match run(cli.command, config).await {
        Ok(code) => code,
        Err(error) => {
            eprintln!("withus: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, config: Config) -> anyhow::Result<ExitCode> {
    match command {
        Command::Serve | Command::Demo { .. } => {
            if !assets::built() {
                tracing::warn!(
                    "the stylesheet is missing: run scripts/build-assets before building Withus"
                );
            }
            let demo_mode = config.demo;
            let app = Application::build(config).await?;
            if demo_mode {
                match demo::seed(app.state()).await? {
                    demo::Seeded::Loaded { accounts, people } => {
                        tracing::info!(accounts, people, "loaded demo data")
                    }
                    demo::Seeded::AlreadyPresent => tracing::info!("demo data already present"),
                }
                if let Command::Demo {
                    people: Some(wanted),
                } = command
                {
                    let started = std::time::Instant::now();
                    let added = demo::generate::ensure_people(
                        &app.state().db,
                        &app.state().keys,
                        wanted,
                        demo::generate::printer(started),
                    )
                    .await?;
                    println!(
                        "Generated {added} more people in {:.1} s ({wanted} wanted)",
                        started.elapsed().as_secs_f64()
                    );
                }
                println!("{}", demo::sign_in_details(&app.base_url()));
            }
            println!("Withus is listening on {}", app.base_url());
            app.run_until_stopped().await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Migrate => {
            let db = open(&config).await?;
            println!("Database migrated: {}", config.database_url);
            db.close().await;
            Ok(ExitCode::SUCCESS)
        }
        Command::Admin {
            command:
                AdminCommand::CreateUser {
                    email,
                    name,
                    site_admin,
                    organisation,
                    role,
                },
        } => {
            let password = match std::env::var("WITHUS_NEW_PASSWORD") {
                Ok(password) => password,
                Err(_) => read_password()?,
            };
            let db = open(&config).await?;
            let membership = organisation.as_deref().zip(role.as_deref());
            let id = admin::create_user(
                &db,
                NewUser {
                    email: &email,
                    name: &name,
                    password: &password,
                    site_admin,
                    membership,
                },
            )
            .await?;
            println!("Created account {id} for {email}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Keys {
            command: KeysCommand::Generate { id },
        } => {
            println!("{}", KeyRing::generate_entry(id));
            Ok(ExitCode::SUCCESS)
        }
        Command::Keys {
            command: KeysCommand::Rotate,
        } => {
            let keys = config.load_keys()?;
            let db = open(&config).await?;
            let rotated = admin::rotate_keys(&db, &keys).await?;
            println!(
                "Re-encrypted {rotated} values with key {}",
                keys.active_id()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Select(args) => Ok(select(&args)),
        Command::Snapshots => {
            let db = open(&config).await?;
            let day = withus::db::now().date();
            let taken = withus::accountability::take_snapshots(&db, day).await?;
            println!("Kept {taken} accountability snapshots for {day}");
            db.close().await;
            Ok(ExitCode::SUCCESS)
        }
        Command::Audit {
            command: AuditCommand::Verify,
        } => {
            let db = open(&config).await?;
            match admin::verify_audit(&db).await? {
                ChainReport::Intact { entries } => {
                    println!("Audit log intact: {entries} entries, every link verified.");
                    Ok(ExitCode::SUCCESS)
                }
                ChainReport::Broken { seq, reason } => {
                    println!("Audit log BROKEN at entry {seq}: {reason}.");
                    Ok(ExitCode::FAILURE)
                }
            }
        }
    }
}

fn select(args: &withus_selection::cli::SelectArgs) -> ExitCode {
    match withus_selection::cli::run_cli(args, &mut std::io::stdout()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("withus select: {error}");
            ExitCode::from(2)
        }
    }
}

async fn open(config: &Config) -> anyhow::Result<Db> {
    let db = Db::connect(&config.database_url).await?;
    db.migrate().await?;
    Ok(db)
}

fn read_password() -> anyhow::Result<String> {
    if std::io::stdin().is_terminal() {
        eprintln!(
            "Password for the new account (input is shown; set WITHUS_NEW_PASSWORD to avoid typing it):"
        );
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\n', '\r']).to_owned())
}
