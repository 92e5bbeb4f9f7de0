"""The campaign edit form as the browser posts it."""

#: A guide row's fields as the page names them in the main language (English here): the
#: question's text and help are `prompt_<language>` and `help_<language>`.
IN_MAIN_LANGUAGE = {"prompt": "prompt_en", "help_text": "help_en"}


def campaign_data(questions=(), **fields):
    """The edit form as the browser posts it; `questions` are dicts of one guide row each, with
    "prompt" and "help_text" for the main language's (English) and `prompt_es`... for others."""
    data = {
        "name": "Safe Streets",
        "description": "Listening on the walk to school.",
        "starts_on": "2025-02-01",
        "ends_on": "2025-06-30",
        "is_active": "on",
        "main_language": "en",
        "guide-TOTAL_FORMS": len(questions),
        "guide-INITIAL_FORMS": sum(1 for q in questions if q.get("id")),
        "guide-MIN_NUM_FORMS": 0,
        "guide-MAX_NUM_FORMS": 1000,
    }
    data.update(fields)
    for index, question in enumerate(questions):
        row = {"id": "", "prompt": "", "help_text": "", "purpose": "other", "ORDER": ""}
        row.update(question)
        for name, value in row.items():
            if value is not None:
                data[f"guide-{index}-{IN_MAIN_LANGUAGE.get(name, name)}"] = value
    return data
