//! `portal-content check`: passes on the committed API, and catches each kind of error in
//! a corrupted copy of it, naming the file and the JSON path.

use portal_content::check::{check, CheckError, DirTree};
use serde_json::{json, Value};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

fn api_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/api/v1")
}

/// A copy of the committed API in a fresh temp folder, removed on drop.
struct Copy(PathBuf);

impl Copy {
    fn new() -> Self {
        fn copy(from: &Path, to: &Path) {
            fs::create_dir_all(to).unwrap();
            for entry in fs::read_dir(from).unwrap() {
                let path = entry.unwrap().path();
                let target = to.join(path.file_name().unwrap());
                if path.is_dir() {
                    copy(&path, &target);
                } else {
                    fs::copy(&path, &target).unwrap();
                }
            }
        }
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let dir = std::env::temp_dir().join(format!(
            "portal-content-check-{}-{nanos}",
            std::process::id()
        ));
        copy(&api_root(), &dir);
        Self(dir)
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }

    /// Changes the JSON of `rel` with `f`.
    fn edit(&self, rel: &str, f: impl FnOnce(&mut Value)) -> &Self {
        let path = self.path(rel);
        let mut value: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        f(&mut value);
        fs::write(&path, serde_json::to_string(&value).unwrap()).unwrap();
        self
    }

    fn remove(&self, rel: &str) -> &Self {
        fs::remove_file(self.path(rel)).unwrap();
        self
    }

    fn errors(&self) -> Vec<CheckError> {
        check(&DirTree(self.0.clone())).1
    }
}

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Asserts that one of `errors` is at `file` and `path` and its message contains `says`.
#[track_caller]
fn has(errors: &[CheckError], file: &str, path: &str, says: &str) {
    let found = errors
        .iter()
        .any(|e| e.file == file && e.path == path && e.message.contains(says));
    let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert!(found, "no `{file}: {path}: …{says}…` in {shown:#?}");
}

#[test]
fn the_committed_api_passes() {
    let (report, errors) = check(&DirTree(api_root()));
    let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{shown:#?}");
    assert_eq!(report.languages, 5);
    assert_eq!(report.articles, 230);
    assert!(report.files > 300 && report.links > 1000, "{report:?}");
}

#[test]
fn a_value_that_does_not_decode_is_located_by_json_path() {
    let c = Copy::new();
    c.edit("en/news/page/2.json", |v| {
        v["items"][3]["date"] = json!("2017-13-45")
    });
    let e = c.errors();
    has(
        &e,
        "en/news/page/2.json",
        "$.items[3].date",
        "does not decode: no such date",
    );
    assert_eq!(
        e[0].to_string().split(": ").take(2).collect::<Vec<_>>(),
        ["en/news/page/2.json", "$.items[3].date"]
    );

    let c = Copy::new();
    c.edit("ru/faq.json", |v| {
        v["topics"][0]["questions"][1]["answer"] = json!("text")
    });
    has(
        &c.errors(),
        "ru/faq.json",
        "$.topics[0].questions[1].answer",
        "does not decode",
    );
}

#[test]
fn required_files_are_missing() {
    let c = Copy::new();
    c.remove("oz/faq.json")
        .remove("qr/helplines.json")
        .remove("ru/agencies.json");
    let e = c.errors();
    has(&e, "oz/faq.json", "$", "missing");
    has(&e, "qr/helplines.json", "$", "missing");
    has(&e, "ru/agencies.json", "$", "missing");

    let c = Copy::new();
    c.remove("uz/site.json").remove("en/news/page/1.json");
    let e = c.errors();
    has(
        &e,
        "uz/site.json",
        "$",
        "missing: every language has a site.json",
    );
    has(
        &e,
        "en/news/page/1.json",
        "$",
        "missing: every language has page 1",
    );
}

#[test]
fn ids_must_be_unique() {
    let c = Copy::new();
    c.edit("en/faq.json", |v| {
        let first = v["topics"][0]["questions"][0]["id"].clone();
        v["topics"][1]["questions"][0]["id"] = first;
    })
    .edit("en/helplines.json", |v| {
        v["groups"][0]["entries"][1]["id"] = v["groups"][0]["entries"][0]["id"].clone()
    })
    .edit("en/agencies.json", |v| {
        v["agencies"][2]["id"] = v["agencies"][0]["id"].clone()
    })
    .edit("en/site.json", |v| {
        v["categories"][1]["slug"] = v["categories"][0]["slug"].clone()
    });
    let e = c.errors();
    has(
        &e,
        "en/faq.json",
        "$.topics[1].questions[0].id",
        "repeated (first at $.topics[0].questions[0])",
    );
    has(
        &e,
        "en/helplines.json",
        "$.groups[0].entries[1].id",
        "repeated",
    );
    has(&e, "en/agencies.json", "$.agencies[2].id", "repeated");
    has(&e, "en/site.json", "$.categories[1].slug", "repeated");
}

#[test]
fn feed_pages_must_be_consistent() {
    let c = Copy::new();
    c.edit("en/news/page/1.json", |v| v["total_pages"] = json!(9))
        .edit("en/news/page/2.json", |v| v["page"] = json!(3))
        .edit("en/news/page/3.json", |v| {
            let items = v["items"].as_array_mut().unwrap();
            items.swap(0, 1);
        })
        .edit("en/news/page/4.json", |v| {
            v["items"].as_array_mut().unwrap().pop();
        });
    let e = c.errors();
    has(
        &e,
        "en/news/page/1.json",
        "$.total_pages",
        "9, but 46 items at 10 a page make 5 page(s)",
    );
    has(&e, "en/news/page/1.json", "$.total_pages", "page 6");
    has(
        &e,
        "en/news/page/2.json",
        "$.page",
        "3 in the file of page 2",
    );
    has(&e, "en/news/page/3.json", "$.items[1].date", "newest first");
    has(&e, "en/news/page/4.json", "$.items", "9 items, expected 10");
    has(
        &e,
        "en/news/page/2.json",
        "$.total_items",
        "differ from page 1's",
    );
}

#[test]
fn a_category_feed_holds_only_its_category() {
    let c = Copy::new();
    c.edit("en/news/category/sport/page/1.json", |v| {
        v["items"][0]["category"] = json!({"slug": "politics", "name": "Politics"})
    })
    .edit("en/news/category/economy/page/1.json", |v| {
        v["category"] = json!({"slug": "culture", "name": "Culture"})
    })
    .edit("en/news/page/1.json", |v| {
        v["category"] = json!({"slug": "culture", "name": "Culture"})
    });
    let e = c.errors();
    has(
        &e,
        "en/news/category/sport/page/1.json",
        "$.items[0].category.slug",
        "category `politics` in the feed of `sport`",
    );
    has(
        &e,
        "en/news/category/economy/page/1.json",
        "$.category.slug",
        "`culture` on a page of the feed of `economy`",
    );
    has(
        &e,
        "en/news/page/1.json",
        "$.category",
        "on a page of the feed of all news",
    );
}

#[test]
fn summaries_must_lead_to_their_articles_and_agree() {
    let c = Copy::new();
    c.remove("ru/news/5.json").edit("en/news/page/1.json", |v| {
        v["items"][2]["title"] = json!("Not the title")
    });
    let e = c.errors();
    has(
        &e,
        "en/news/page/1.json",
        "$.items[2].title",
        "\"Not the title\" differs from",
    );
    let missing: Vec<&CheckError> = e
        .iter()
        .filter(|e| e.message == "article 5 has no file ru/news/5.json")
        .collect();
    // The feed of all news, its category's feed, its calendar day and related lists.
    assert!(missing.len() >= 3, "{missing:#?}");
    assert!(missing.iter().any(|e| e.file.starts_with("ru/news/page/")));
    assert!(missing
        .iter()
        .any(|e| e.file.starts_with("ru/news/calendar/") && e.path.ends_with(".id")));
}

#[test]
fn related_articles_must_exist_and_be_of_the_category() {
    let c = Copy::new();
    c.edit("en/news/1.json", |v| {
        v["related"][0]["id"] = json!(9999);
        v["related"][1]["category"] = json!({"slug": "sport", "name": "Sport"});
        v["related"][2]["title"] = json!("Not its title");
    });
    let e = c.errors();
    has(
        &e,
        "en/news/1.json",
        "$.related[0].id",
        "article 9999 has no file en/news/9999.json",
    );
    has(
        &e,
        "en/news/1.json",
        "$.related[1].category.slug",
        "related articles are of the article's category",
    );
    has(
        &e,
        "en/news/1.json",
        "$.related[2].title",
        "\"Not its title\" differs from",
    );
}

#[test]
fn announcements_must_lead_to_a_route() {
    let c = Copy::new();
    c.edit("en/site.json", |v| {
        v["new_on_portal"][0]["path"] = json!("en/pages/no-such-page");
        v["new_on_portal"][1]["path"] = json!("xx/faq");
        v["new_on_portal"][2]["path"] = json!("en/somewhere");
    });
    let e = c.errors();
    has(
        &e,
        "en/site.json",
        "$.new_on_portal[0].path",
        "leads nowhere: en/pages/no-such-page.json does not exist",
    );
    has(
        &e,
        "en/site.json",
        "$.new_on_portal[1].path",
        "`xx` is not a language",
    );
    has(
        &e,
        "en/site.json",
        "$.new_on_portal[2].path",
        "not a route of the app",
    );
}

#[test]
fn calendars_must_match_the_articles() {
    let c = Copy::new();
    // Article 1 is of 2017-11-01, with two other articles that day.
    c.edit("en/news/calendar/2017-11.json", |v| {
        let days = v["days"].as_array_mut().unwrap();
        let day = days.iter_mut().find(|d| d["date"] == "2017-11-01").unwrap();
        let items = day["items"].as_array_mut().unwrap();
        let i = items.iter().position(|s| s["id"] == 1).unwrap();
        items.remove(i);
    })
    .edit("en/news/calendar/2017-12.json", |v| {
        let moved = v["days"][1]["items"][0].clone();
        v["days"][0]["items"].as_array_mut().unwrap().push(moved);
    })
    .remove("en/news/calendar/2017-09.json")
    .edit("ru/site.json", |v| v["last_news"] = json!("2017-12-31"));
    let e = c.errors();
    has(
        &e,
        "en/news/calendar/2017-11.json",
        "$.days",
        "article 1 of 2017-11-01 (en/news/1.json) is not listed",
    );
    assert!(
        e.iter().any(|e| e.file == "en/news/calendar/2017-12.json"
            && e.path.starts_with("$.days[0].items[")
            && e.message.contains("is of 2017-12-08, not of 2017-12-04")),
        "{e:#?}"
    );
    has(&e, "en/news/calendar/2017-09.json", "$", "missing");
    has(
        &e,
        "ru/site.json",
        "$.last_news",
        "2017-12-31, but the newest article is of 2018-01-29",
    );
}

#[test]
fn a_file_nothing_leads_to_is_reported() {
    let c = Copy::new();
    fs::write(c.path("en/notes.json"), "{}").unwrap();
    fs::copy(c.path("en/news/page/1.json"), c.path("en/news/page/9.json")).unwrap();
    fs::copy(c.path("en/news/1.json"), c.path("en/news/1.json.br")).unwrap();
    let e = c.errors();
    has(&e, "en/notes.json", "$", "no file of the API leads here");
    has(
        &e,
        "en/news/page/9.json",
        "$",
        "no file of the API leads here",
    );
    assert!(!e.iter().any(|e| e.file.ends_with(".br")), "{e:#?}");

    // An article no feed lists.
    let c = Copy::new();
    c.edit("en/news/1.json", |v| v["id"] = json!(999));
    fs::rename(c.path("en/news/1.json"), c.path("en/news/999.json")).unwrap();
    let e = c.errors();
    has(
        &e,
        "en/news/999.json",
        "$",
        "article 999 is not in the feed of all news",
    );
}

#[test]
fn the_command_prints_a_summary_or_the_errors_and_exits_1() {
    let run = |root: &Path| {
        Command::new(env!("CARGO_BIN_EXE_portal-content"))
            .arg("check")
            .arg(root)
            .output()
            .unwrap()
    };
    let ok = run(&api_root());
    let stdout = String::from_utf8_lossy(&ok.stdout);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(
        stdout.contains("is valid: 5 languages, ") && stdout.contains(" links checked"),
        "{stdout}"
    );

    let c = Copy::new();
    c.edit("en/news/page/2.json", |v| {
        v["items"][3]["date"] = json!("x")
    });
    let bad = run(&c.0);
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert_eq!(bad.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: en/news/page/2.json: $.items[3].date: does not decode"),
        "{stderr}"
    );
    assert!(stderr.contains(" error"), "{stderr}");
}

#[test]
fn feeds_must_exist_and_agree() {
    let c = Copy::new();
    c.remove("oz/news/category/sport/feed.atom");
    let feed = c.path("en/news/feed.atom");
    let text = fs::read_to_string(&feed).unwrap();
    // The first entry links to another article.
    fs::write(
        &feed,
        text.replacen("href=\"en/news/46/\"", "href=\"en/news/45/\"", 1),
    )
    .unwrap();
    let e = c.errors();
    has(
        &e,
        "oz/news/category/sport/feed.atom",
        "$",
        "missing: every feed of the news has its Atom feed",
    );
    has(
        &e,
        "en/news/feed.atom",
        "$.entry",
        "the entries link to the articles [45, 45,",
    );
}

#[test]
fn the_search_index_must_agree_with_the_articles() {
    let c = Copy::new();
    // The last chunk of documents of oz: news.
    let index: Value =
        serde_json::from_str(&fs::read_to_string(c.path("oz/search/index.json")).unwrap()).unwrap();
    let docs = index["docs"].as_u64().unwrap();
    let news_chunk = format!("oz/search/docs/{}.json", (docs - 1) / 16);
    // A key in the wrong shard, a posting past the last document, a missing chunk of
    // documents, a title changed, a vocabulary file missing.
    c.edit("en/search/shard/0.json", |v| {
        v["terms"][0][0] = json!("zzz-not-here");
        v["terms"][1][2][0] = json!(1_000_000);
    })
    .remove("qr/search/vocab/0.json")
    .remove("ru/search/docs/1.json")
    .edit(&news_chunk, |v| {
        let docs = v["docs"].as_array_mut().unwrap();
        let news = docs.iter_mut().find(|d| d["kind"] == "news").unwrap();
        news["title"] = json!("Another title entirely");
    });
    fs::remove_file(c.path("uz/search/index.json")).unwrap();
    let e = c.errors();
    has(
        &e,
        "en/search/shard/0.json",
        "$.terms[0]",
        "does not belong here",
    );
    has(
        &e,
        "en/search/shard/0.json",
        "$.terms[1]",
        "ascending documents below",
    );
    has(
        &e,
        "qr/search/index.json",
        "$.vocab[0]",
        "qr/search/vocab/0.json is missing",
    );
    has(
        &e,
        "ru/search/index.json",
        "$.docs",
        "chunk 1 (ru/search/docs/1.json) is missing",
    );
    assert!(
        e.iter().any(|e| e.file == news_chunk
            && e.path.ends_with(".title")
            && e.message.contains("differs from the title of article")),
        "{e:#?}"
    );
    has(
        &e,
        "uz/search/index.json",
        "$",
        "missing: every language has a search index",
    );
}

#[test]
fn descriptions_and_topics_must_be_short_plain_text() {
    let c = Copy::new();
    c.edit("ru/helplines.json", |v| {
        v["groups"][0]["entries"][0]["about"] = json!("<script>alert(1)</script>")
    })
    .edit("oz/agencies.json", |v| {
        v["agencies"][1]["topics"] = json!(["soliq", "Soliq"])
    })
    .edit("en/agencies.json", |v| {
        v["agencies"][0]["about"] = json!("x".repeat(161))
    });
    let e = c.errors();
    has(
        &e,
        "ru/helplines.json",
        "$.groups[0].entries[0]",
        "the description (`about`) contains `<` or `>`",
    );
    has(
        &e,
        "oz/agencies.json",
        "$.agencies[1]",
        "topic `Soliq` repeated",
    );
    has(&e, "en/agencies.json", "$.agencies[0]", "more than 160");
}
