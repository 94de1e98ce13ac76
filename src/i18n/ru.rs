//! Russian.

use super::Texts;

/// The Russian plural form for `n`: one (1, 21), few (2–4, 22–24) or many (0, 5–20, 25…).
fn plural(n: u32, one: &str, few: &str, many: &str) -> String {
    let form = match (n % 10, n % 100) {
        (1, m) if m != 11 => one,
        (2..=4, m) if !(12..=14).contains(&m) => few,
        _ => many,
    };
    format!("{n} {form}")
}

pub const TEXTS: Texts = Texts {
    portal_name: "Правительственный портал Республики Узбекистан",
    portal_short_name: "Правительственный портал Узбекистана",
    skip_to_content: "Перейти к основному содержанию",
    main_nav_label: "Главное меню",
    nav_home: "Главная",
    nav_news: "Новости",
    nav_faq: "Вопросы и ответы",
    nav_helplines: "Телефоны доверия",
    nav_agencies: "Ведомства",
    footer_label: "О портале",
    footer_about: "Официальный информационный портал Правительства Республики Узбекистан.",
    footer_sample_notice: "Материалы с пометкой «Пример» — образцы, а не настоящие новости или контакты.",
    new_on_portal: "Новое на портале",
    latest_news: "Последние новости",
    all_news: "Все новости",
    news_title: "Новости",
    page_of: |n, total| format!("Страница {n} из {total}"),
    article_count: |n| plural(n, "статья", "статьи", "статей"),
    categories_label: "Рубрики",
    all_categories: "Все новости",
    pagination_label: "Страницы",
    previous_page: "Назад",
    next_page: "Вперёд",
    page_n: |n| format!("Страница {n}"),
    sample_tag: "Пример",
    sample_tag_hint: "Это пример материала, а не настоящая новость.",
    published: "Опубликовано",
    updated: "Обновлено",
    category: "Рубрика",
    source: "Источник",
    more_in_category: |name| format!("Ещё в рубрике «{name}»"),
    print: "Распечатать страницу",
    back_to_news: "Все новости",
    loading: "Загрузка…",
    error_title: "К сожалению, материал не удалось загрузить",
    error_network: "Не удалось связаться с порталом. Проверьте подключение к интернету.",
    error_timeout: "Портал слишком долго не отвечает.",
    error_status: |code| format!("Портал ответил ошибкой (HTTP {code})."),
    error_decode: "Портал прислал данные, которые эта страница не может прочитать.",
    try_again: "Повторить",
    not_found_title: "Страница не найдена",
    not_found_text: "Если вы вводили адрес вручную, проверьте его. Если вы перешли по ссылке, страница могла быть перемещена.",
    go_home: "Перейти на главную",
    no_news: "Новостей пока нет.",
    no_news_in_category: "В этой рубрике пока нет новостей.",
    bad_page_number: "Номер страницы в адресе указан неверно.",
    no_such_page: "Такой страницы новостей нет.",
    no_such_category: "Такой рубрики новостей нет.",
    first_page: "Перейти на первую страницу новостей",
    image_label: "Изображение",
    language_label: "Язык",
    not_translated: "Перевод пока не готов. Показано на языке оригинала:",
    choose_language: "Выберите язык",
    months: [
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
        "октября", "ноября", "декабря",
    ],
    weekdays_short: ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"],
};
