"""Cleaning: furniture, glued sentences, paragraphs and the offset map (text written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.clean import Cleaned, clean

EQUIVALENT = {"'": "'\u2018\u2019\u201a\u201b\u2032", '"': '"\u201c\u201d\u201e\u201f\u2033'}


def assert_maps_back(original: str, cleaned: Cleaned) -> None:
    """Every kept character maps to the same (or a normalised) original character; the map is monotonic."""
    previous = -1
    for i, char in enumerate(cleaned.text):
        j = cleaned.to_original(i)
        assert j >= previous
        previous = j
        source = original[j]
        if char in " \n":
            continue  # inserted spaces and separators map to the character that follows them
        assert source == char or source in EQUIVALENT.get(char, ""), (i, char, source)
    assert cleaned.to_original(len(cleaned.text)) <= len(original)


TEASERS = [
    (
        "The border was closed in 1962.Also Read - Two Nations Sign New Water Pact | Key Points",
        "The border was closed in 1962.",
    ),
    (
        "Rebels shelled the port on Monday. READ MORE: Ten Dead As Floods Sweep Valley",
        "Rebels shelled the port on Monday.",
    ),
    (
        "Talks collapsed. Related: Minister Quits Over Budget Row "
        "The minister said the talks would resume soon.",
        "Talks collapsed. The minister said the talks would resume soon.",
    ),
    (
        "Police made three arrests. Also read: rebels seize key town in north. "
        "Officers said more would follow.",
        "Police made three arrests. Officers said more would follow.",
    ),
    ("The vote was delayed. Don't miss >> Why The Vote Matters", "The vote was delayed."),
    ("Strikes continued. See also: Unions Reject Pay Offer", "Strikes continued."),
    ("The army withdrew. WATCH: Drone Footage Shows Damaged Bridge", "The army withdrew."),
    ("The court ruled on Friday. MORE: Judge Orders Retrial In Fraud Case", "The court ruled on Friday."),
]


@pytest.mark.parametrize(("raw", "expected"), TEASERS)
def test_inline_teasers_are_cut_and_prose_survives(raw: str, expected: str) -> None:
    cleaned = clean(raw)
    assert cleaned.text == expected
    assert cleaned.removed and all(reason == "teaser" for _, _, reason in cleaned.removed)
    assert_maps_back(raw, cleaned)


def test_teaser_words_in_ordinary_prose_are_kept() -> None:
    raw = "More than 20 people died. Watch the river, officials said. Read more about the case in our report."
    assert clean(raw).text == raw


def test_line_furniture_is_removed_with_reasons() -> None:
    raw = (
        "By Maria Lopez | Updated: Apr 4, 2022, 09:15 IST\n\n"
        "Troops entered the northern town on Sunday.\n\n"
        "(Photo: AFP)\n"
        "Image credit: Agency files\n"
        "Residents fled to nearby villages.\n\n"
        "Share this article\n"
        "Follow us on Twitter for the latest news\n"
        "Related stories\n"
        "Aid Convoy Reaches Besieged City\n"
        "Published 3 hours ago"
    )
    cleaned = clean(raw)
    assert cleaned.text == "Troops entered the northern town on Sunday.\n\nResidents fled to nearby villages."
    reasons = [reason for _, _, reason in cleaned.removed]
    assert reasons.count("byline") == 4
    assert reasons.count("share") == 2
    assert reasons.count("related") == 2
    for start, end, _ in cleaned.removed:
        assert raw[start:end].strip() == raw[start:end]
    assert_maps_back(raw, cleaned)


def test_sentences_that_look_like_bylines_stay() -> None:
    raw = "By Tuesday, the troops had withdrawn from the city.\nUpdated figures show that 40 people died."
    assert (
        clean(raw).text
        == "By Tuesday, the troops had withdrawn from the city.\n\nUpdated figures show that 40 people died."
    )


def test_glued_sentences_are_repaired_but_not_abbreviations() -> None:
    raw = (
        'The minister said.The talks resumed today.He left in 2020.North Korea fired."We won."She smiled. '
        "Officials in the U.S.State Department cited example.com and www.Example.Org.Prices "
        "rose 3.5 percent. "
        "Mr.Smith and Dr.Jones met at 5 p.m.Nobody came."
    )
    text = clean(raw).text
    for repaired in ("said. The", "today. He", "2020. North", 'won." She'):
        assert repaired in text
    for kept in ("U.S.State", "www.Example.Org.Prices", "3.5", "Mr.Smith", "Dr.Jones", "example.com"):
        assert kept in text


def test_whitespace_quotes_and_paragraphs() -> None:
    raw = (
        "It rained\u00a0heavily\tin  the north, \u201cwitnesses\u201d said.\r\n"
        "It\u2019s over \u2014 for now.\r\n\r\n\r\nThe river rose."
    )
    cleaned = clean(raw)
    assert (
        cleaned.text == 'It rained heavily in the north, "witnesses" said.\n\n'
        "It's over \u2014 for now.\n\nThe river rose."
    )
    assert [cleaned.text[a:b] for a, b in cleaned.paragraphs] == cleaned.text.split("\n\n")
    assert_maps_back(raw, cleaned)


def test_soft_wrapped_lines_join_but_headlines_do_not() -> None:
    raw = (
        "Fighting resumed near the\nborder after a week of calm, and\nresidents fled.\n"
        "Shelling Hits Market\nThe market was empty."
    )
    cleaned = clean(raw)
    assert cleaned.text.split("\n\n") == [
        "Fighting resumed near the border after a week of calm, and residents fled.",
        "Shelling Hits Market",
        "The market was empty.",
    ]
    assert_maps_back(raw, cleaned)


def test_pipe_fragment_after_headline() -> None:
    cleaned = clean("Two Nations Sign Water Pact | Key Points\n\nThe deal was signed on Monday.")
    assert cleaned.text == "Two Nations Sign Water Pact\n\nThe deal was signed on Monday."


def test_span_mapping_and_empty_input() -> None:
    raw = "By Ann Lee\n\nThe  envoy\u00a0arrived."
    cleaned = clean(raw)
    start = cleaned.text.index("envoy")
    a, b = cleaned.span_to_original(start, start + 5)
    assert raw[a:b] == "envoy"
    empty = clean("")
    assert empty.text == "" and empty.paragraphs == () and empty.to_original(0) == 0


@pytest.mark.parametrize(("raw", "expected"), [
    ("Image copyright Reuters Image caption Farmers blocked the motorway on Monday.",
     "Farmers blocked the motorway on Monday."),
    ('Media caption The mayor: "We will rebuild." The mayor spoke on Friday.',
     'The mayor: "We will rebuild." The mayor spoke on Friday.'),
    ("The photo caption named the wrong minister.", "The photo caption named the wrong minister."),
])
def test_inline_caption_labels_are_cut(raw: str, expected: str) -> None:
    cleaned = clean(raw)
    assert cleaned.text == expected
    if raw != expected:
        assert any(reason == "byline" for *_, reason in cleaned.removed)


@pytest.mark.parametrize(("raw", "expected"), [
    ("The mayor waves to supporters Getty Images 9 Firefighters clear the road.",
     "The mayor waves to supporters. Firefighters clear the road."),
    ("EPA 6 The minister arrives at the summit.", "The minister arrives at the summit."),
    ("The PA 18 bus route was closed.", "The PA 18 bus route was closed."),
    ("Reuters said 9 journalists were detained.", "Reuters said 9 journalists were detained."),
])
def test_gallery_credits_between_captions_are_cut(raw: str, expected: str) -> None:
    assert clean(raw).text == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("The ferry left port without its crew Click to pin it (Opens in a new tab) Click to email "
     "this to a friend (Opens in a new tab) THE captain was ashore at the time.",
     "The ferry left port without its crew. THE captain was ashore at the time."),
    ("Click to tweet this (Opens in a new tab) The ferry left port.", "The ferry left port."),
    ("The ferry left port. Click to tweet this (Opens in a new tab)", "The ferry left port."),
    ("Click to share on Reddit (Opens in new window)\n\nThe ferry left port.", "The ferry left port."),
])
def test_share_buttons_glued_to_prose_are_cut(raw: str, expected: str) -> None:
    cleaned = clean(raw)
    assert cleaned.text == expected
    assert all(reason == "share" for *_, reason in cleaned.removed)


# --- page furniture as data (clean/data/furniture.tsv); every page and line below was written for these tests

FURNITURE_PAGE = """Dockworkers Walk Out Across Harbourtown

By Mia Long and Raj Patel, Staff Writers

HARBOURTOWN (AP) - Thousands of dockworkers walked off the job on Monday, halting cargo at the city's three
terminals.

Photo: Pickets stand at the main gate of the north terminal. / Getty Images

Strikers march past the harbour office on Monday. (AP Photo/Ken Ito)

Watch: Dockworkers march on the harbour office

01:58

Now playing

Up next

Video: Port chief says talks will resume 02:14

The port authority said it would ask a court to order the workers back.

Sign up for our morning newsletter and get the day's top stories.

Already a subscriber? Log in

Related stories

Port Strike Enters Second Week

Union Rejects Pay Offer

Also on Harbour Daily: How the strike affects your deliveries

The union said its members would vote on Friday.

Reporting by Mia Long; Editing by Raj Patel

Copyright 2023 Harbour Daily News Company. All rights reserved.

Advertisement

AFP via Getty Images

Image 4 of 9

Picture: Lena Ward/Harbour Daily

This article first appeared on Harbour Daily.

Have a news tip? Email the newsroom.
"""

FURNITURE_PROSE = [
    "Thousands of dockworkers walked off the job on Monday, halting cargo at the city's three terminals.",
    "The port authority said it would ask a court to order the workers back.",
    "The union said its members would vote on Friday.",
]


def test_page_furniture_never_reaches_the_coder() -> None:
    cleaned = clean(FURNITURE_PAGE)
    paragraphs = cleaned.text.split("\n\n")
    assert paragraphs == ["Dockworkers Walk Out Across Harbourtown", *FURNITURE_PROSE]
    reasons = {reason for *_, reason in cleaned.removed}
    assert {"player", "caption", "credit", "newsletter", "notice", "byline", "related"} <= reasons


def test_every_furniture_cue_matches_its_own_example() -> None:
    from tidings.clean.furniture import Furniture

    furniture = Furniture.default()
    assert len(furniture.cues) >= 15
    for cue in furniture.cues:
        assert cue.matches_line(cue.example), (cue.kind, cue.example)
        assert furniture.line_kind(cue.example) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Police said they would watch the border closely after the attack.",
        "The video showed soldiers firing into the air as the crowd ran.",
        "Residents who signed up for the evacuation were taken to a school.",
        "Copyright disputes between the two studios have dragged on for years.",
        "The minister said the caption on the leaked photo was false.",
        "Talks resumed at 10:30 on Tuesday, officials said.",
        "More than 200 people were arrested in the capital on Saturday.",
    ],
)
def test_prose_that_shares_words_with_furniture_stays(line: str) -> None:
    assert clean(line).text == line


def test_inline_furniture_in_a_record_without_line_breaks() -> None:
    # a CSV or news-please record whose text lost its line breaks
    text = (
        "Firefighters fought a blaze at a paint factory on Sunday night. "
        "Workers leave the factory after the fire. (AP Photo/Ann Roe) "
        "No one was hurt, the fire service said. "
        "Sign up for our breaking news alerts to get stories like this first. "
        "Reporting by Sam Hill; Editing by Jo Park. "
        "Copyright 2023 Example Media."
    )
    assert clean(text).text == (
        "Firefighters fought a blaze at a paint factory on Sunday night. "
        "No one was hurt, the fire service said."
    )


def test_user_furniture_rows_are_added(tmp_path: Path) -> None:
    from tidings.clean.furniture import Furniture

    (tmp_path / "furniture.tsv").write_text(
        "kind\tposition\tinline\tmax_words\tpattern\texample\n"
        "notice\tstart\tno\t20\tfrom\\s+our\\s+partners\\b\tFrom our partners: offers\n",
        encoding="utf-8",
    )
    furniture = Furniture.load([tmp_path])
    assert furniture.line_kind("From our partners: cheap flights") == "notice"
    assert Furniture.default().line_kind("From our partners: cheap flights") is None


def test_bad_furniture_row_is_a_data_error(tmp_path: Path) -> None:
    from tidings.clean.furniture import Furniture
    from tidings.errors import DataError

    (tmp_path / "furniture.tsv").write_text(
        "kind\tposition\tinline\tmax_words\tpattern\texample\nsidebar\twhole\tno\t3\tx\tx\n", encoding="utf-8"
    )
    with pytest.raises(DataError):
        Furniture.load([tmp_path])


def test_news_please_json_and_csv_records_are_cleaned_of_furniture(tmp_path: Path) -> None:
    import csv
    import io
    import json

    from tidings.pipeline import Pipeline
    from tidings.readers import read_file

    body = FURNITURE_PAGE.split("\n\n", 2)[2]
    record = {"maintext": body, "title": "Dockworkers Walk Out", "date_publish": "2023-05-01 10:00:00",
              "authors": ["Mia Long"], "source_domain": "example.org"}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["id", "text", "published"])
    writer.writeheader()
    writer.writerow({"id": "row1", "text": body, "published": "2023-05-01"})
    pipeline = Pipeline()
    (tmp_path / "story.json").write_text(json.dumps(record), encoding="utf-8")
    (tmp_path / "rows.csv").write_text(buffer.getvalue(), encoding="utf-8")
    for name in ("story.json", "rows.csv"):
        articles = list(read_file(tmp_path / name))
        assert len(articles) == 1 and not isinstance(articles[0], Exception)
        sentences = [s.text for s in pipeline.prepare(articles[0]).sentences]
        assert sentences == FURNITURE_PROSE, name


def test_record_with_html_markup_is_extracted_like_a_page() -> None:
    import json

    from tidings.readers import read_stream

    body = (
        "<p>Thousands of dockworkers walked off the job on Monday, halting cargo at all three terminals.</p>"
        "<figure><img src='a.jpg'><figcaption>Strikers march past the harbour office. (AP Photo/Ken Ito)"
        "</figcaption></figure>"
        "<div class='related-stories'><a href='/a'>Port Strike Enters Second Week</a></div>"
        "<p>The port authority said it would ask a court to order the workers back to work.</p>"
    )
    [article] = list(read_stream(json.dumps({"id": "a1", "text": body}).encode(), "story.json"))
    assert not isinstance(article, Exception)
    assert "Strikers" not in article.text and "Second Week" not in article.text
    assert "dockworkers walked off" in article.text and "court to order" in article.text
