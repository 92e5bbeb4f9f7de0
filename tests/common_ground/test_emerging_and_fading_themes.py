import datetime as dt

from heard.common_ground import timeline

DAY = dt.date(2026, 10, 1)


def rows(before: dict, after: dict, n_before=60, n_after=60):
    """Conversations in two halves: `before[theme]` of the first half in that theme, the rest
    unclear; the same after."""
    made = []
    for counts, n, start in ((before, n_before, 0), (after, n_after, 30)):
        themes = [t for t, k in counts.items() for _ in range(k)]
        themes += [None] * (n - len(themes))
        made += [(DAY + dt.timedelta(days=start + i % 20), t) for i, t in enumerate(themes)]
    return made


def test_a_theme_that_grew_beyond_chance_is_emerging_and_one_that_shrank_is_fading():
    found = timeline.trends(rows({1: 2, 2: 25, 3: 10}, {1: 25, 2: 3, 3: 11}))
    assert found.split_on == DAY + dt.timedelta(days=30)
    assert (found.before_of, found.after_of) == (60, 60)
    assert found.trends[1].kind == timeline.EMERGING
    assert found.trends[2].kind == timeline.FADING
    assert found.trends[3].kind == timeline.STEADY
    assert found.trends[1].p_adjusted < 0.05 <= found.trends[3].p_adjusted


def test_the_p_values_are_adjusted_for_the_number_of_themes():
    # Alone, 4 → 12 of 60 is p = 0.058 (Fisher, two-sided): not significant either way; with
    # nine other steady themes, its adjusted p-value only grows.
    found = timeline.trends(rows({1: 4}, {1: 12}))
    assert found.trends[1].kind == timeline.STEADY
    many = timeline.trends(
        rows({1: 4, **{t: 3 for t in range(2, 11)}}, {1: 12, **{t: 3 for t in range(2, 11)}})
    )
    assert many.trends[1].p_adjusted >= found.trends[1].p_adjusted


def test_no_trend_is_claimed_from_a_small_half():
    found = timeline.trends(rows({1: 0}, {1: 15}, n_before=15, n_after=15))
    assert found.trends == {}


def test_conversations_all_on_one_day_have_no_halves():
    assert timeline.split_date([DAY, DAY]) is None
    assert timeline.trends([(DAY, 1), (DAY, None)]).trends == {}
