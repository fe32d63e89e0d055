"""One made-up sentence per construction the quote finder must handle."""

from __future__ import annotations

from collections.abc import Callable

from wirewatch.quotes import Quote

Finder = Callable[[str], list[Quote]]


def only(found: list[Quote]) -> Quote:
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def test_reported_clause_after_the_cue(quotes: Finder) -> None:
    q = only(quotes("The mayor said that the bridge would reopen in June."))
    assert q.text == "the bridge would reopen in June"
    assert (q.kind, q.cue, q.speaker_text) == ("indirect", "said", "The mayor")


def test_content_before_the_cue(quotes: Finder) -> None:
    q = only(quotes("The dam will be finished by spring, engineers said."))
    assert q.text == "The dam will be finished by spring"
    assert q.speaker_text == "engineers"


def test_quotation_before_and_after_the_cue(quotes: Finder) -> None:
    q = only(quotes("\u201cWe are ready,\u201d the coach said."))
    assert (q.kind, q.text) == ("direct", "\u201cWe are ready,\u201d")
    q = only(quotes('The senator added: "We will not back down."'))
    assert (q.kind, q.text) == ("direct", '"We will not back down."')


def test_cue_inside_the_quotation(quotes: Finder) -> None:
    q = only(quotes('"The fund has doubled in a decade," she wrote, "and most of it went to cities."'))
    assert q.kind == "direct"
    assert q.text.endswith('went to cities."')


def test_quotation_continues_in_the_next_sentence_and_paragraph(quotes: Finder) -> None:
    text = (
        "\u201cPrices are too high,\u201d said Ana Ruiz, an economist.\n\n\u201cNobody can borrow now.\u201d"
    )
    q = only(quotes(text))
    assert q.text.endswith("borrow now.\u201d") and q.kind == "direct"
    assert q.speaker_text == "Ana Ruiz"


def test_quotation_spanning_paragraphs_without_closing_mark(quotes: Finder) -> None:
    text = "The judge wrote: \u201cThe law is clear.\n\n\u201cThe claim fails.\u201d"
    q = only(quotes(text))
    assert q.text.startswith("\u201cThe law") and q.text.endswith("fails.\u201d")


def test_unbalanced_mark_closes_at_paragraph_end(quotes: Finder) -> None:
    q = only(quotes('The pilot said: "we had no warning\n\nThe airline did not comment.'))
    assert q.text == '"we had no warning'


def test_straight_and_typewriter_marks(quotes: Finder) -> None:
    q = only(quotes("''Rates are too high,'' said Mr. Lopez."))
    assert q.kind == "direct" and q.speaker_text == "Lopez"


def test_coordinated_cues_share_subject_and_channel(quotes: Finder) -> None:
    found = quotes("The governor told CNN that the state would sue and warned that talks had failed.")
    assert [q.text for q in found] == ["the state would sue", "talks had failed"]
    assert {q.speaker_text for q in found} == {"The governor"}
    assert {q.channel for q in found} == {"CNN"}


def test_participial_continuation(quotes: Finder) -> None:
    found = quotes(
        "The company said in a statement that it had fired the manager, noting that the inquiry was over."
    )
    assert [q.text for q in found] == ["it had fired the manager", "the inquiry was over"]
    assert [q.cue for q in found] == ["said", "noting"]
    assert {q.speaker_text for q in found} == {"The company"}
    assert {q.channel for q in found} == {"statement"}


def test_description_with_quoted_fragment_is_mixed(quotes: Finder) -> None:
    q = only(quotes('He described the deal as "a disaster for farmers".'))
    assert q.kind == "mixed" and "a disaster for farmers" in q.text


def test_reported_speech_with_quoted_fragment_is_mixed(quotes: Finder) -> None:
    q = only(quotes("The envoy said the talks were \u201cfrank and useful\u201d and would resume."))
    assert q.kind == "mixed"
    q = only(quotes("The minister stressed that \u201cnothing has been decided\u201d."))
    assert q.kind == "direct"


def test_parenthetical_cue(quotes: Finder) -> None:
    q = only(quotes("Unions, the minister warned, will lose the vote."))
    assert q.speaker_text == "the minister" and "lose the vote" in q.text


def test_according_to(quotes: Finder) -> None:
    q = only(quotes("According to the police, three people were hurt."))
    assert (q.cue, q.speaker_text, q.text) == ("according to", "the police", "three people were hurt")


def test_channel_carried_forward(quotes: Finder) -> None:
    found = quotes(
        "The mayor wrote in a Facebook post that the bridge would reopen. "
        "In the post, she said the repairs cost more than planned."
    )
    assert [q.channel for q in found] == ["Facebook", "Facebook"]
    found = quotes("The singer said in her post on X that the tour was over.")
    assert only(found).channel == "X"
    found = quotes("The senator last week in remarks to Fox News said the bill was dead.")
    assert only(found).channel == "Fox News"


def test_not_speech(quotes: Finder) -> None:
    assert quotes("Her remarks come as the election nears.") == []
    assert quotes("The White House praised the decision to halt the sales.") == []
    assert quotes("The party has long pushed \u201ctough-on-crime\u201d policies.") == []


def test_speech_act_with_noun_phrase_content(quotes: Finder) -> None:
    q = only(quotes("The ministry denied any role in the leak."))
    assert (q.cue, q.text, q.kind) == ("denied", "any role in the leak", "indirect")
    assert quotes("The ministry denied it.") == []


def test_directive_with_addressee(quotes: Finder) -> None:
    q = only(quotes("The mayor urged residents to stay indoors."))
    assert q.text == "residents to stay indoors" and q.speaker_text == "The mayor"


def test_cue_inside_someone_elses_quotation_is_not_a_second_quote(quotes: Finder) -> None:
    found = quotes("\u201cEvery time you say that, prices rise,\u201d the senator said.")
    assert [q.speaker_text for q in found] == ["the senator"]


def test_negated_speech_is_not_a_quote(quotes: Finder) -> None:
    assert quotes("Neither government said how many troops would stay.") == []
    assert quotes("The senator did not say whether she would run.") == []
    assert quotes("The ministry declined to comment on the report.") == []


def test_clause_the_parser_hangs_on_the_channel_noun(quotes: Finder) -> None:
    q = only(quotes("The union said in a statement that the strike would go on."))
    assert (q.text, q.channel) == ("the strike would go on", "statement")


def test_interrupted_quotation_is_one_direct_quote(quotes: Finder) -> None:
    text = "''The pay is too low,'' Mr. Okafor said, ''and the hours are too long.''"
    q = only(quotes(text))
    assert q.kind == "direct" and q.text == text and q.speaker_text == "Okafor"


def test_quotation_continues_after_a_sentence_of_narration(quotes: Finder) -> None:
    text = (
        "\u201cThe season is over,\u201d said Rita Moss, the club\u2019s coach. "
        "Unless the league changes course, \u201cwe will not play again this year.\u201d"
    )
    q = only(quotes(text))
    assert q.text.endswith("this year.\u201d") and q.speaker_text == "Rita Moss"


def test_quotation_paragraph_without_a_cue_continues_the_speaker(quotes: Finder) -> None:
    text = '"The plan is dead," the senator said.\n\n"We start again next year."\n\nThe vote is on Friday.'
    q = only(quotes(text))
    assert q.text.endswith('next year."') and q.kind == "direct"


def test_name_in_the_content_is_not_a_speaker(quotes: Finder) -> None:
    found = quotes("The foreign minister said China would respond to the tariffs.")
    assert [(q.speaker_text, q.text) for q in found] == [
        ("The foreign minister", "China would respond to the tariffs")
    ]


def test_naming_is_not_speech(quotes: Finder) -> None:
    assert quotes("She works for a charity called Open Doors.") == []
    assert [q.cue for q in quotes("The mayor praised what she called \u201ca fair deal.\u201d")] == []
