//! `portal-content build <source dir> <out dir>`: builds the static content API.

use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: portal-content build <source dir> <out dir>\n\
    e.g.  portal-content build content public/api/v1";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [command, source, out] = args.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if command != "build" {
        eprintln!("unknown command `{command}`\n{USAGE}");
        return ExitCode::from(2);
    }
    match portal_content::build(Path::new(source), Path::new(out)) {
        Ok(r) => {
            let fallbacks = match r.fallbacks {
                0 => String::new(),
                n => format!(
                    " ({n} untranslated, served in {})",
                    portal_content::FALLBACK_LANGUAGE
                ),
            };
            let fallback = portal_content::FALLBACK_LANGUAGE;
            let mut directory = String::new();
            if r.questions > 0 {
                directory += &format!(", {} FAQ questions", r.questions);
                if r.question_fallbacks > 0 {
                    directory += &format!(" ({} served in {fallback})", r.question_fallbacks);
                }
            }
            if r.helplines > 0 {
                directory += &format!(", {} helplines", r.helplines);
                if r.helpline_fallbacks > 0 {
                    directory += &format!(" ({} served in {fallback})", r.helpline_fallbacks);
                }
            }
            if r.agencies > 0 {
                directory += &format!(", {} agencies", r.agencies);
                if r.agency_fallbacks > 0 {
                    directory += &format!(" ({} served in {fallback})", r.agency_fallbacks);
                }
            }
            if r.pages > 0 {
                directory += &format!(", {} static pages", r.pages);
                if r.page_fallbacks > 0 {
                    directory += &format!(" ({} served in {fallback})", r.page_fallbacks);
                }
            }
            println!(
                "portal-content: {} language{} ({}), {} articles{fallbacks}{directory}, {} files written to {out}",
                r.languages.len(),
                if r.languages.len() == 1 { "" } else { "s" },
                r.languages.join(", "),
                r.articles,
                r.files
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            eprintln!(
                "portal-content: {} error{}, nothing written",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            );
            ExitCode::FAILURE
        }
    }
}
