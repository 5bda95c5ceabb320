"""Patterns that recognise page furniture in scraped news text.

Every pattern here describes a *shape* (a teaser label followed by a headline, a byline made of capitalised
names and date words, a share prompt) rather than one site's exact strings, so that new sites are covered.
"""

from __future__ import annotations

import re

# --- characters ----------------------------------------------------------------------------------

SPACE_CHARS = (
    "\t\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
LINE_BREAK_CHARS = "\u2028\u2029\u0085"
SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033"

CHAR_TABLE: dict[str, str] = {
    **{c: " " for c in SPACE_CHARS},
    **{c: "\n" for c in LINE_BREAK_CHARS},
    **{c: "'" for c in SINGLE_QUOTES},
    **{c: '"' for c in DOUBLE_QUOTES},
}

CRLF = re.compile(r"\r\n?")
INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")
SPACE_RUN = re.compile(r" {2,}")

# --- words ---------------------------------------------------------------------------------------

# Short words that stay lowercase inside a Title Case headline.
TITLE_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "but",
        "or",
        "nor",
        "for",
        "so",
        "yet",
        "of",
        "in",
        "on",
        "at",
        "to",
        "by",
        "up",
        "as",
        "with",
        "from",
        "into",
        "onto",
        "over",
        "after",
        "amid",
        "about",
        "against",
        "before",
        "between",
        "during",
        "near",
        "off",
        "out",
        "per",
        "than",
        "till",
        "until",
        "upon",
        "via",
        "vs",
        "versus",
        "is",
        "are",
        "be",
        "was",
        "were",
        "its",
        "it's",
        "his",
        "her",
        "their",
    ]
)

# Abbreviations after which a full stop glued to a capital does not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "mx",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cpl",
        "maj",
        "adm",
        "gov",
        "sen",
        "rep",
        "rev",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "inc",
        "co",
        "corp",
        "ltd",
        "llc",
        "plc",
        "no",
        "nos",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "fig",
        "approx",
        "est",
        "dept",
        "univ",
        "ave",
        "blvd",
        "rd",
        "al",
    ]
)

# Words allowed in the tail of a byline or dateline line ("By Jane Doe, staff writer | Updated 3 hours ago").
METADATA_WORDS = frozenset(
    [
        "updated",
        "published",
        "posted",
        "modified",
        "last",
        "first",
        "on",
        "at",
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "ago",
        "hours",
        "hour",
        "hrs",
        "hr",
        "minutes",
        "minute",
        "mins",
        "min",
        "seconds",
        "secs",
        "days",
        "day",
        "weeks",
        "week",
        "read",
        "reading",
        "time",
        "staff",
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "editor",
        "editors",
        "contributor",
        "contributors",
        "and",
        "in",
        "for",
        "the",
        "of",
        "news",
        "with",
        "agencies",
        "agency",
        "inputs",
        "input",
        "from",
        "desk",
        "bureau",
        "contributing",
        "reporting",
        "edited",
        "by",
        "via",
        "wire",
        "wires",
        "online",
        "digital",
        "team",
        "senior",
        "special",
        "chief",
        "political",
        "foreign",
        "updates",
        "update",
    ]
)

MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
WEEKDAYS = (
    "mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
)

# --- teaser labels -------------------------------------------------------------------------------

# Labels that announce a link to another story. "Strong" labels are unambiguous even without punctuation
# after them when a capitalised headline follows; "weak" labels ("More", "Watch") are ordinary words too, so
# they count only with a separator (":" "-" "|" ">>") or when written in capitals.
_STRONG_LABELS = (
    r"also\s+(?:read|see|watch|check(?:\s+out)?|listen|view)(?:\s+this)?",
    r"read\s+(?:more|also|next|this|too)",
    r"see\s+(?:also|more)",
    r"watch\s+(?:more|also|next|this|video)",
    r"do(?:n't|\s+not)\s+miss",
    r"must\s+(?:read|watch|see)",
    r"(?:more|related|recommended|top|latest|trending)\s+(?:stories|story|news|coverage|articles?|reading|"
    r"videos?|links?|content|on\s+this(?:\s+story|\s+topic)?)",
    r"you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in|want\s+to\s+read)",
    r"recommended\s+for\s+you",
    r"in\s+(?:other|related)\s+news",
)
_WEAK_LABELS = (
    r"related",
    r"recommended",
    r"trending(?:\s+now)?",
    r"more",
    r"watch",
    r"read",
    r"latest",
    r"suggested",
    r"featured",
    r"also",
    r"listen",
    r"explained?",
    r"explainer",
    r"opinion",
    r"video",
    r"photos?",
)
LABEL = re.compile(
    r"(?P<label>" + "|".join(_STRONG_LABELS) + r")|(?P<weak>" + "|".join(_WEAK_LABELS) + r")\b",
    re.IGNORECASE,
)
LABEL_SEPARATOR = re.compile(r"\s*(?:[:|>»\-\u2013\u2014]+|\.{3}|\u2026)\s*")

# --- whole-line furniture ------------------------------------------------------------------------

BYLINE_HEAD = re.compile(
    r"^(?:[Bb]y|BY)\s+(?P<names>(?:(?:[A-Z][\w.'\-]*|and|&|de|van|von|al|bin|da|la|le)\s*,?\s*){1,10})(?P<tail>.*)$"
)
DATELINE_HEAD = re.compile(
    r"^(?:last\s+|first\s+)?(?:updated|published|posted|modified|edited)\b\s*(?::|on|at)?\s*(?P<tail>.*)$",
    re.IGNORECASE,
)
AGO_LINE = re.compile(
    r"^(?:about\s+|an?\s+|\d+\s+)(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$", re.IGNORECASE
)
# A line made only of date and time tokens: "Wednesday, 3 March 2021 | 10:22 IST".
DATE_TOKEN = re.compile(
    rf"^(?:(?:{MONTHS}|{WEEKDAYS})\.?,?|\d{{1,4}}(?:st|nd|rd|th)?,?|\d{{1,2}}[:.]\d{{2}}(?:[ap]m)?|"
    r"[ap]\.?m\.?|[A-Z]{2,4}|[|/\-\u2013\u2014\u00b7\u2022,:]|updated|published|posted)$",
    re.IGNORECASE,
)

SHARE_LINE = re.compile(
    r"^(?:share\s+(?:this|on|via|the|article|story|with)\b|click\s+(?:here|to)\b|tap\s+(?:here|to)\b|"
    r"follow\s+(?:us|@|the\s+latest|our)\b|subscribe\s+(?:to|now|for|here)\b|sign\s+up\s+(?:for|to|now|here)\b|"
    r"download\s+(?:the|our)\s+(?:\w+\s+)?app\b|like\s+us\s+on\b|join\s+(?:us|our)\b|"
    r"get\s+(?:the\s+latest|our\s+newsletter|breaking\s+news|news\s+alerts)\b|"
    r"do(?:n't|\s+not)\s+forget\s+to\s+(?:follow|subscribe|share|like)\b|"
    r"(?:email|print|save)\s+this\s+(?:article|story|page)\b|copy\s+link\b|comments?\s*\(\d*\)|"
    r"(?:for\s+the\s+latest|for\s+more)\s+(?:news|updates|stories).{0,40}\b(?:follow|download|subscribe|visit)\b)",
    re.IGNORECASE,
)
# Share buttons a scraper flattened into the prose (WordPress/Jetpack): "Click to print (Opens in a new tab)
# Click to share on Reddit (Opens in a new tab)", one after another, wherever they stand in a paragraph.
_SHARE_BUTTONS = (r"(?:\s*\b(?:Click|Tap)\s+to\s+(?:share|email|print|tweet|pin)\b[^()\n]{0,60}?"
                  r"\(\s*Opens\s+in\s+(?:a\s+)?new\s+(?:window|tab)\s*\))+")
SHARE_BUTTONS = re.compile(_SHARE_BUTTONS, re.IGNORECASE)
SHARE_BUTTONS_AFTER_STOP = re.compile(r"(?<=[.!?\"'\u201d\u2019)])" + _SHARE_BUTTONS, re.IGNORECASE)
# A line that is only a button or widget caption.
WIDGET_LINE = re.compile(
    r"^(?:share|tweet|email|e-mail|print|comments?|advertisement|advertising|sponsored|whatsapp|facebook|"
    r"twitter|linkedin|pinterest|reddit|telegram|copy\s+link|save|listen|close|menu|skip\s+to\s+content|"
    r"share\s+this(?:\s+article|\s+story)?)(?:\s*[|/\u00b7\u2022]\s*(?:share|tweet|email|print|whatsapp|"
    r"facebook|twitter|linkedin|pinterest|reddit|telegram|copy\s+link|save))*$",
    re.IGNORECASE,
)

_CREDIT_WORD = r"(?:photo(?:graph)?s?|images?|pictures?|pics?|file\s+photo|video|illustration|graphic)"
CREDIT_LINE = re.compile(
    rf"^\(?\s*{_CREDIT_WORD}(?:\s+credits?|\s+courtesy)?\s*(?::|by\b|/|\u2013|-|\u00a9)\s*[^.!?]{{1,80}}\)?$"
    rf"|^\(?\s*(?:credits?|courtesy)\s*:\s*[^.!?]{{1,80}}\)?$",
    re.IGNORECASE,
)
CREDIT_INLINE = re.compile(
    rf"\s*\(\s*(?:{_CREDIT_WORD}(?:\s+credits?)?|credits?|courtesy)\s*(?::|by\b|/|\u00a9)[^()\n]{{1,80}}\)",
    re.IGNORECASE,
)

# The credit AP-style captions end with: "(AP Photo/Jane Doe)", "(AFP Photo / John Roe)", "(Reuters Photo/X)".
AGENCY_PHOTO_CREDIT = re.compile(
    r"\(\s*(?:AP|AFP|Reuters|EPA|UPI|Xinhua|Getty|Yonhap|Kyodo|Anadolu)\s+(?:Photos?|Images?|Video)\s*/\s*"
    r"[^()\n]{1,60}\)\.?"
)

# Photo and video caption labels left inline by scrapers: "Image copyright Jo Bloggs Image caption Farmers
# queue at the depot ...", "Media caption The mayor explains ...". The label (and a credit after
# "copyright") goes; the caption's own words stay.
CAPTION_INLINE = re.compile(
    r"\b(?:Image|Media|Video|Photo)\s+copyright\s+(?:[A-Z][\w.&/*-]*\s+){0,4}?"
    r"(?=(?:Image|Media|Video|Photo)\s+caption\b)"
    r"|\b(?:Image|Media|Video|Photo)\s+(?:copyright|caption)\s+"
)

# A photo-gallery credit and picture count glued between captions: "... waves from the balcony Getty Images 4
# Marchers fill the square ...", "EPA 12 The minister arrives ...", "AP:Associated Press 7 Voters queue ...".
# The credit goes and the captions become separate sentences. Agencies are named, so ordinary prose ("PA 18"
# aside) is not touched.
GALLERY_CREDIT = re.compile(
    r"(?:(?<=\S)[.!?]?\s+|^)(?:Getty Images|GETTY(?:\s*\*\s*(?:EPA|AFP|REUTERS))?|EPA|AFP|Reuters|"
    r"AP:Associated Press|REX(?:/Shutterstock)?|Shutterstock|Alamy|PA Wire)\s+\d{1,2}\s+(?=[A-Z])"
)

# A trailing pipe fragment after a headline: "... Sign Deal | Key Points", "... | WATCH".
PIPE_TAIL = re.compile(r"\s*\|\s*(?P<frag>[A-Z0-9][\w'&\-]*(?:\s+[\w'&\-]+){0,4})\s*$")

# Glued sentence end: "said.The", "II.Also", '"done."He', "2020.North".
GLUE = re.compile(r"[.!?][\"')\]]*(?=[A-Z](?:[a-z]|\s|'))")
SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(]?[A-Z0-9])")


# A wire-style dateline at the start of an article: "TOKYO (Reuters) - ", "New Delhi: ",
# "GAZA CITY, Palestinian Territories: ", "Beijing, 12 April 2020 - ". The place is where the reporter
# files from, not a participant: left in the text it is parsed as the subject of the first sentence.
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
    r"(?:, [A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3})?"
    r"(?:,? (?:\d{1,2} [A-Z][a-z]+\.?(?: \d{4})?|[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?))?"
    r"(?: ?\([A-Za-z][A-Za-z .,'&-]{0,40}\))?"
    r"(?:,? (?:\d{1,2} [A-Z][a-z]+\.?(?: \d{4})?|[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?))?"
    r"\s*(?::|-{1,2}|–|—)\s+(?=[A-Z\"'])"
)
