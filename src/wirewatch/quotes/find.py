"""Find direct, mixed and indirect speech in a parsed body.

Rules over the dependency parse, cheapest first: a speech cue (a verb of the lexicon, or "according
to") must govern its content (a reported clause, a quotation next to it, an "X as Y" description, a
colon introduction) or close a sentence whose content precedes it ("..., prosecutors said"). The
subject gives the speaker; coordinated and participial verbs inherit it. Quotation marks are paired on
the raw text (marks.py) so a quotation split by the sentence splitter is still one content span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from wirewatch.quotes.lexicon import QuoteLexicon, lexicon
from wirewatch.quotes.marks import EDGE_MARKS, is_mark, quote_spans

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
FRAME_DEPS = {"prep", "dobj", "dative", "npadvmod", "advmod", "agent", "prt", "obl", "iobj", "tmod"}
INHERIT_DEPS = {"conj", "advcl", "xcomp", "relcl", "acl"}
# a quotation mark that pairs with nothing; an apostrophe between letters ("club\u2019s") is not one
STRAY_MARK = re.compile("[\"\u201c\u201d\u00ab\u00bb\u201e]|(?<!\\w)[\u2018\u2019]|[\u2018\u2019](?!\\w)")
MAIN_DEPS = {"ROOT", "conj", "ccomp", "parataxis"}
NEGATING_DETS = {"no", "neither", "none", "nobody", "nothing", "nor"}
REFUSING = {"decline", "refuse", "fail", "unable"}  # "declined to say", "was unable to say": no speech
RELATIVE_PRONOUNS = {"who", "which", "that"}
NOT_DESCRIBED = {"what", "himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself"}
TRIM = " \t\n,;:\u2014\u2013-"
PARA_BREAK = re.compile(r"\n\s*\n")
OUTLET_SUFFIX = re.compile(
    r"\b(?:News|Times|Post|Journal|Radio|TV|Television|Magazine|Network|Herald|Tribune|Telegraph|Gazette|Daily|"
    r"Press|Broadcasting|Channel)$"
)


@dataclass
class Quote:
    """One quotation; offsets are into the text given to `find_quotes` (the article body)."""

    start: int
    end: int
    text: str
    cue: str
    cue_start: int
    cue_end: int
    kind: str
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_is_pronoun: bool = False
    channel: str | None = None
    channel_type: str | None = None
    frame: list[tuple[int, int]] = field(default_factory=list)  # cue modifiers: where channel and date live
    antecedent: tuple[int, int] | None = None  # what a relative-pronoun speaker stands for ("residents who")
    cue_token: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": None,
            "speaker_text": self.speaker_text,
            "cue": self.cue,
            "text": self.text,
            "kind": self.kind,
            "channel": self.channel,
            "start": self.start,
            "end": self.end,
            "date": None,
        }


def find_quotes(doc: Doc) -> list[Quote]:
    """All quotations in a parsed body, in text order, one per content span."""
    finder = _Finder(doc, lexicon())
    return finder.run()


class _Finder:
    def __init__(self, doc: Doc, lex: QuoteLexicon) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lex
        self.marks = quote_spans(self.text)
        self.by_verb: dict[int, Quote] = {}
        self.parent: dict[int, int] = {}  # cue verb -> the verb whose subject (and channel) it shares

    # -- driver -------------------------------------------------------------------------------------
    def run(self) -> list[Quote]:
        found: list[Quote] = []
        for tok in self.doc:
            q: Quote | None = None
            if tok.lower_ == "according" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
                q = self._according(tok)
            elif (
                tok.pos_ in ("VERB", "AUX")
                and tok.tag_.startswith("VB")
                and self.lex.is_cue(tok.lemma_.lower())
            ):
                q = self._verb(tok)
            if q is not None:
                self.by_verb[tok.i] = q
                found.append(q)
        self._continuations(found)
        self._channels(found)
        out: list[Quote] = []
        for q in sorted(found, key=lambda q: (q.start, -q.end)):
            if any(self._repeats(q, o) for o in out):
                continue
            out.append(q)
        return out

    @staticmethod
    def _repeats(q: Quote, outer: Quote) -> bool:
        """q says again part of what `outer` holds: same span, or inside it while its own cue lies
        outside (a second cue for a quotation already joined). A cue inside the outer content is a
        nested attribution ("A said B said C") and stays."""
        if (q.start, q.end) == (outer.start, outer.end):
            return True
        inside = outer.start <= q.start and q.end <= outer.end
        return inside and not outer.start <= q.cue_start < outer.end

    def _continuations(self, found: list[Quote]) -> None:
        """A quotation with no cue of its own that follows a speaker's quote continues it ('"A," she
        said. "B."'; "..., she said. Unless X, 'B'"; a paragraph that is only a quotation after a quoted
        paragraph): it is joined to the same content span. Another quote or cue in between stops it."""
        taken = sorted([(q.start, q.end) for q in found] + [(q.cue_start, q.cue_end) for q in found])
        for q in sorted(found, key=lambda q: q.start):
            while True:
                pos = max(q.end, q.cue_end, q.speaker_end or 0)
                nxt = next((m for m in self.marks if m[0] >= pos), None)
                if nxt is None or any(a < nxt[1] and pos < b for a, b in taken if (a, b) != (q.start, q.end)):
                    break
                between = self.text[pos : nxt[0]]
                if STRAY_MARK.search(between) or not self._continues(q, pos, nxt, between):
                    break
                q.end = nxt[1]
                q.text = self.text[q.start : q.end]
                q.kind = "direct" if q.kind == "direct" else "mixed"

    def _continues(self, q: Quote, pos: int, nxt: tuple[int, int], between: str) -> bool:
        tok = self._token_at(pos)
        sent_end = tok.sent.end_char if tok is not None else pos
        if nxt[0] <= max(sent_end, pos) + 3:
            return "\n" not in between or q.kind != "indirect"  # only the rest of the cue sentence between
        paras = re.split(r"\n\s*\n", between)
        if len(paras) == 1:  # a later sentence of the same paragraph: at most one sentence of narration
            mid = self._token_at(nxt[0])
            return (
                q.kind != "indirect"
                and mid is not None
                and mid.sent.start_char <= sent_end + 3
                and len(between) < 200
            )
        if len(paras) == 2 and q.kind != "indirect" and not paras[1].strip():
            # a paragraph that opens with a quotation; its own cue (if any) is already taken
            return self._quote_paragraph(nxt)
        return False

    def _quote_paragraph(self, mark: tuple[int, int]) -> bool:
        """Whether the paragraph opening with this quotation has no speech cue of its own."""
        end = self.text.find("\n\n", mark[1])
        end = len(self.text) if end < 0 else end
        i = self._tok_index(mark[0])
        while i < len(self.doc) and self.doc[i].idx < end:
            t = self.doc[i]
            if not any(qs <= t.idx < qe for qs, qe in self.marks) and (
                t.lower_ == "according" or t.pos_ in ("VERB", "AUX") and self.lex.is_cue(t.lemma_.lower())
            ):
                return False
            i += 1
        return True

    def _token_at(self, offset: int) -> Token | None:
        for tok in self.doc[max(0, self._tok_index(offset) - 1) :]:
            if tok.idx + len(tok) >= offset:
                return tok
        return None

    def _tok_index(self, offset: int) -> int:
        lo, hi = 0, len(self.doc)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.doc[mid].idx < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo

    # -- cue verbs ----------------------------------------------------------------------------------
    def _verb(self, v: Token) -> Quote | None:
        lemma = v.lemma_.lower()
        lex = self.lex
        particle = lex.particles.get(lemma, "") if lemma in lex.particles else ""
        if particle and not any(c.dep_ == "prt" and c.lower_ == particle for c in v.children):
            return None
        subj = self._subject(v)
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children)
        if subj is None and not passive:
            return self._misparsed_final_cue(v)
        if lemma in lex.describe and any(c.dep_ == "dobj" and c.lower_ in NOT_DESCRIBED for c in v.children):
            return None  # "what she called 'a fair deal'" names a thing in passing
        if _negated(v, subj):
            return None  # "did not say", "Neither government said": no speech was reported
        content: tuple[int, int] | None = None
        restricted = lemma in lex.particles and lex.particles[lemma] is None  # only with quotes or a colon
        if lemma in lex.object_prep:
            content = self._object_prep(v, lex.object_prep[lemma])
        if content is None and lemma in lex.clause and not restricted:
            content = self._ccomp(v, subj)
        if content is None and lemma in lex.describe and lemma not in lex.clause:
            content = self._ccomp(v, subj)
        interrupted = False
        if content is not None and any(qs <= content[0] and content[1] <= qe for qs, qe in self.marks):
            adjacent = self._adjacent_quote(v, subj)  # '"A," she said, "and B."': the whole quotation
            if adjacent is not None and adjacent[0] < content[0] and adjacent[1] >= content[1]:
                content, interrupted = adjacent, True
        if content is None and lemma in lex.describe:
            content = self._description(v)
        if content is None and lemma in lex.directive and not restricted:
            content = self._infinitive(v)
        if content is None:
            content = self._adjacent_quote(v, subj)
        if content is None:
            content = self._colon(v)
        if content is None and lemma in lex.clause and not restricted:
            content = self._content_before(v, subj)
        if content is None and lemma == "say":
            content = self._say_object(v)
        if content is None and lemma in lex.object:
            content = self._object(v) or self._gerund(v)
        if content is None:
            return None
        start, end = self._paragraph(v.idx, *self._snap(*content))
        resumed = False
        inside = next(((qs, qe) for qs, qe in self.marks if qs < v.idx < qe), None)
        if inside is not None and not (inside[0] < start and end < inside[1]):
            return None  # a cue inside someone else's quotation ('"Every time you say that," he said')
        if subj is not None:
            s0, s1 = _span_chars(self._speaker_span(subj))
            if start < s1 and s0 < end and not start <= v.idx < end:  # a parenthetical cue lies inside
                return None
        if end <= v.idx:  # '"A," she said, "B."': the quotation resumes after the cue
            clause_end = self._cue_clause_end(v, subj)
            for qs2, qe2 in self.marks:
                gap = self.text[clause_end:qs2]
                if qs2 >= clause_end and len(gap) <= 4 and re.fullmatch(r"[\s,]*", gap):
                    end, resumed = qe2, True
                    break
        if end - start < 2:
            return None
        kind = "direct" if resumed or interrupted else self._kind(start, end)
        q = Quote(start, end, self.text[start:end], _cue_text(v), v.idx, v.idx + len(v), kind)
        if subj is not None:
            self._set_speaker(q, subj)
        q.frame = self._frame(v, start, end)
        q.cue_token = v.i
        return q

    def _misparsed_final_cue(self, v: Token) -> Quote | None:
        """'<clause>, the consortium running the mission announced on Thursday.': a long speaker phrase
        may lead the parser to hang the closing cue on its last noun as a reduced relative clause. When
        the cue ends its sentence (frame words aside), follows a comma, a full clause and a noun phrase,
        the noun phrase is the speaker and the clause the content."""
        sent = v.sent
        if v.dep_ not in ("acl", "relcl") or v.tag_ not in ("VBD", "VBN", "VBZ", "VBP"):
            return None
        if any(c.dep_ in ("dobj", "ccomp", "xcomp", "auxpass") or c.dep_ in SUBJECTS for c in v.children):
            return None
        if any(not (t.is_punct or t.is_space or _inside_frame(t, v)) for t in self.doc[v.i + 1 : sent.end]):
            return None
        k = v.i - 1
        while k > sent.start and self.doc[k].text != "," and v.i - k <= 12:
            t = self.doc[k]
            if not (t.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP", "PART", "CCONJ") or t.tag_ in (
                "VBG",
                "VBN",
                "PRP$",
                "POS",
            )):
                return None
            k -= 1
        if self.doc[k].text != "," or k == v.i - 1:
            return None
        np = self.doc[k + 1 : v.i]
        if not any(t.pos_ in ("NOUN", "PROPN") for t in np) or any(is_mark(t.text) for t in np):
            return None
        before = self.doc[sent.start : k]
        if not _is_clause(before):
            return None
        start, end = self._snap(sent.start_char, self.doc[k].idx)
        if end - start < 2:
            return None
        kind = self._kind(start, end)
        q = Quote(start, end, self.text[start:end], _cue_text(v), v.idx, v.idx + len(v), kind)
        q.speaker_start, q.speaker_end = np.start_char, np.end_char
        q.speaker_text = np.text
        q.frame = self._frame(v, start, end)
        q.cue_token = v.i
        return q

    def _subject(self, v: Token) -> Token | None:
        """The verb's own subject, else the subject of the verb it continues ("said ... and suggested",
        ", noting that"), else the noun a relative clause hangs on."""
        inverted = self._inverted_subject(v)
        if inverted is not None:
            return inverted
        cur = v
        for _ in range(4):
            if cur.i != v.i:
                self.parent[v.i] = cur.i
            subjects = [
                c
                for c in cur.children
                if c.dep_ in SUBJECTS
                and not (c.lower_ == "there" or (c.lower_ == "it" and c.dep_ == "nsubjpass"))  # "it was said"
                and not self._quoted_apart(c, v)
            ]
            if subjects:  # the nearest: a clause from a quotation before the cue may carry its own
                return min(subjects, key=lambda c: abs(c.i - cur.i))
            if cur.dep_ == "relcl" and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return cur.head
            if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN") and cur.tag_ == "VBG":
                return cur.head
            if (
                cur.dep_ in ("conj", "advcl")
                and cur.head.dep_ == "ccomp"
                and self.lex.is_cue(cur.head.head.lemma_.lower())
                and getattr(self._shared_subject_cue(cur.head), "i", -1) == cur.i
            ):
                cur = cur.head.head
                continue
            if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.pos_ in ("VERB", "AUX"):
                cur = cur.head.head  # "responded by saying ..."
                continue
            if cur.dep_ in INHERIT_DEPS and cur.head.i != cur.i and cur.head.pos_ in ("VERB", "AUX"):
                if cur.dep_ in ("advcl",) and cur.tag_ not in ("VBG", "VBN"):
                    return None
                cur = cur.head
                continue
            return None
        return None

    def _inverted_subject(self, v: Token) -> Token | None:
        """'"...," said David Brock, a confidant who ...': the parser may take the name after the cue for
        a clause; when the cue follows a closing quotation and has no subject, the name is the speaker."""
        if any(c.dep_ in SUBJECTS for c in v.children) or v.i + 1 >= len(self.doc) or v.i < 1:
            return None
        prev = self.doc[v.i - 1]
        if not (is_mark(prev.text) and any(qe == prev.idx + len(prev.text) for _, qe in self.marks)):
            return None
        head: Token | None = None
        for t in self.doc[v.i + 1 : min(len(self.doc), v.i + 8)]:
            if t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.tag_ != "VBP"):
                head = t
            elif t.pos_ in ("DET", "ADJ") and head is None or t.text in (".", "-"):
                continue
            else:
                break
        return head if head is not None and head.pos_ == "PROPN" else None

    def _quoted_apart(self, t: Token, v: Token) -> bool:
        """Whether t lies inside a quotation that does not also hold the cue v."""
        return any(qs <= t.idx < qe and not qs <= v.idx < qe for qs, qe in self.marks)

    def _ccomp(self, v: Token, subj: Token | None = None) -> tuple[int, int] | None:
        """The reported clause, without its complementizer ("said [that] ...")."""
        cands = [
            c
            for c in v.children
            if c.dep_ == "ccomp"
            or (c.dep_ == "parataxis" and c.i > v.i and _colon_between(v, c))
            or (c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == v.i + 1 and _has_finite(c))
        ]
        for p in v.children:  # 'said in a statement that ...': the parser may hang the clause on the noun
            if p.dep_ == "prep" and p.i > v.i:
                cands.extend(
                    c
                    for o in p.children
                    if o.dep_ == "pobj"
                    for c in o.children
                    if c.dep_ in ("acl", "relcl")
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                    and any(x.dep_ in SUBJECTS or x.dep_ == "expl" for x in c.children)
                )
        # a clause after the cue first: one before it may be a quotation the parser ran on from earlier
        for c in sorted(cands, key=lambda c: (c.i < v.i, abs(c.i - v.i))):
            if subj is not None and v.i < subj.i and c.left_edge.i <= subj.i <= c.right_edge.i:
                continue  # the speaker misparsed as a clause ('said David Brock, who heads ...')
            lo, hi = sorted((v.idx, c.idx))
            if PARA_BREAK.search(self.text, lo, hi) and not any(qs < lo and hi < qe for qs, qe in self.marks):
                continue  # a headline run into the next paragraph: its verb is no clause of this cue
            if True:
                toks = [t for t in c.subtree]
                cut = self._shared_subject_cue(c)
                if cut is not None:  # "said X and suggested Y": the second verb is its own quote
                    toks = [
                        t for t in toks if t.i < cut.left_edge.i and not (t.dep_ == "cc" and t.head.i == c.i)
                    ]
                while len(toks) > 1 and (
                    toks[0].dep_ == "mark" or toks[0].is_punct and not is_mark(toks[0].text)
                ):
                    toks = toks[1:]
                end = toks[-1].idx + len(toks[-1])
                if c.i > v.i:  # "said X, but could not Y": a subjectless verb coordinated after the clause
                    for d in v.children:
                        if d.i > c.i and d.dep_ in ("ccomp", "relcl", "acl", "dep") and cut is None:
                            end = max(end, d.right_edge.idx + len(d.right_edge))
                        if (
                            d.dep_ == "conj"
                            and d.i > c.i
                            and not self.lex.is_cue(d.lemma_.lower())
                            and not any(x.dep_ in SUBJECTS for x in d.children)
                        ):
                            end = max(end, d.right_edge.idx + len(d.right_edge))
                return toks[0].idx, end
        return None

    def _shared_subject_cue(self, c: Token) -> Token | None:
        """A cue verb coordinated inside a reported clause without a subject of its own: it shares the
        reporting verb's subject ("said prices were too high and suggested ...")."""
        for t in c.children:
            if (
                (t.dep_ == "conj" or t.dep_ == "advcl" and t.tag_ == "VBG" and t.i > c.i)
                and t.pos_ == "VERB"
                and self.lex.is_cue(t.lemma_.lower())
                and self._particle_ok(t)
                and not any(x.dep_ in SUBJECTS for x in t.children)
            ):
                return t
        return None

    def _particle_ok(self, t: Token) -> bool:
        """'continue' and 'echo' report speech only with a quotation; 'point' only as 'point out'."""
        lemma = t.lemma_.lower()
        if lemma not in self.lex.particles:
            return True
        need = self.lex.particles[lemma]
        return need is not None and any(c.dep_ == "prt" and c.lower_ == need for c in t.children)

    def _description(self, v: Token) -> tuple[int, int] | None:
        obj = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), None)
        pred = next(
            (c for c in v.children if (c.dep_ == "prep" and c.lower_ == "as") or c.dep_ in ("oprd", "xcomp")),
            None,
        )
        if pred is None:
            return None
        if obj is not None and obj.lower_ in NOT_DESCRIBED:
            return None  # "what he called X" names a thing in passing; "calling himself X" is not speech
        if obj is not None and obj.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in v.children):
            return None  # "a plan called X", "which is called X": a name, nobody is speaking
        toks = list(pred.subtree)
        first = obj.left_edge if obj is not None and obj.dep_ == "dobj" and obj.i < pred.i else toks[0]
        return first.idx, toks[-1].idx + len(toks[-1])

    def _infinitive(self, v: Token) -> tuple[int, int] | None:
        """'urged her husband to come out': the addressee and the infinitive."""
        for c in v.children:
            if (
                c.dep_ == "xcomp"
                and c.i > v.i
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ):
                toks = list(c.subtree)
                start = toks[0]
                for d in v.children:
                    if v.i < d.i < c.i and d.dep_ in ("dobj", "dative"):
                        start = min(start, d.left_edge, key=lambda t: t.i)
                    elif v.i < d.i < c.i and d.dep_ == "prep" and d.lower_ == "on":
                        pobj = next((x for x in d.children if x.dep_ == "pobj"), None)
                        if pobj is not None:
                            start = min(start, pobj.left_edge, key=lambda t: t.i)
                return start.idx, toks[-1].idx + len(toks[-1])
        return None

    def _adjacent_quote(self, v: Token, subj: Token | None) -> tuple[int, int] | None:
        """A quotation right after the cue clause ("she said: '...'") or before it ("'...,' she said")."""
        head_start = min(v.idx, subj.left_edge.idx if subj is not None else v.idx)
        cue_end = self._cue_clause_end(v, subj)
        for qs, qe in self.marks:
            gap_after = self.text[cue_end:qs]
            if (
                qs >= cue_end
                and len(gap_after) <= 4
                and re.fullmatch(r"[\s,:\u2014\u2013-]*", gap_after)
                and ("\n" not in gap_after or ":" in gap_after)
            ):
                if not gap_after.strip() and re.match(r"\s*[\w\u201c\u2018\"]", self.text[qe : qe + 3]):
                    continue  # a quoted modifier in a noun phrase ('emphasized "law-and-order" approaches')
                return qs, qe
            gap_before = self.text[qe:head_start]
            if (
                qe <= head_start
                and len(gap_before) <= 4
                and re.fullmatch(r"[ \t,\u2014\u2013-]*", gap_before)
                and ("," in gap_before or _last_inside(self.text, qs, qe) in ",!?\u2014-")
            ):
                # a second quotation after the cue ('"A," she said, "B."') belongs to the same content
                for qs2, qe2 in self.marks:
                    gap = self.text[cue_end:qs2]
                    if qs2 >= cue_end and len(gap) <= 4 and re.fullmatch(r"[\s,]*", gap):
                        return qs, qe2
                return qs, qe
        return None

    def _cue_clause_end(self, v: Token, subj: Token | None) -> int:
        """Where "she said" / "said Mr. Lopez, an economist" / "told reporters" ends."""
        cue_end = v.idx + len(v)
        for c in v.children:  # "told reporters", "said in a statement"
            if c.dep_ in FRAME_DEPS and c.i > v.i and not any(is_mark(t.text) for t in c.subtree):
                cue_end = max(cue_end, c.right_edge.idx + len(c.right_edge))
        if subj is not None and subj.i > v.i:
            cue_end = max(cue_end, subj.right_edge.idx + len(subj.right_edge))
        return cue_end

    def _colon(self, v: Token) -> tuple[int, int] | None:
        sent = v.sent
        for t in sent:
            if t.i > v.i and t.text in (":", "\u2014"):
                between = self.doc[v.i + 1 : t.i]
                if len(between) > 6 or any(x.pos_ == "VERB" for x in between):
                    return None
                after = t.idx + 1
                mark = next((m for m in self.marks if after <= m[0] <= after + 3), None)
                if mark is not None:
                    return mark
                if t.i + 1 < sent.end:
                    last = sent[-1]
                    return self.doc[t.i + 1].idx, last.idx + len(last)
                if t.i + 1 < len(self.doc):
                    nxt = self.doc[t.i + 1].sent
                    return nxt.start_char, nxt.end_char
                return None
        return None

    def _content_before(self, v: Token, subj: Token | None) -> tuple[int, int] | None:
        """'<content>, prosecutors said.' — the cue closes the sentence and follows a comma."""
        if subj is None or v.dep_ not in MAIN_DEPS:
            return None  # "vowed not to repeat", "which denied": the sentence before is not their content
        first = min(subj.left_edge.i, v.i)
        while first > v.sent.start and self.doc[first - 1].dep_ in ("aux", "advmod", "neg"):
            first -= 1
        if first == v.sent.start:
            return None
        comma = self.doc[first - 1]
        if comma.text not in (",", "\u2014", "\u2013", "-") and not is_mark(comma.text):
            return None
        before = self.doc[v.sent.start : first - 1]
        last_cue_tok = max([v.i, *(t.i for t in v.subtree if t.dep_ in SUBJECTS or t.i == v.i)])
        after = [t for t in self.doc[last_cue_tok + 1 : v.sent.end] if not t.is_punct and not t.is_space]
        after_frame = all(t.head.i == v.i and t.dep_ in FRAME_DEPS or _inside_frame(t, v) for t in after)
        if after and not after_frame:  # "Back in Virginia, Mr. Clarke said, he decided ...": parenthetical
            outside = [*before, *self.doc[last_cue_tok + 1 : v.sent.end]]
            if not any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN") for t in outside):
                return None
            return v.sent.start_char, v.sent.end_char
        if not _is_clause(before) and not any(is_mark(t.text) for t in before):
            return None
        end = comma.idx if not is_mark(comma.text) else comma.idx + len(comma.text)
        return v.sent.start_char, end

    def _say_object(self, v: Token) -> tuple[int, int] | None:
        """Headline style "Flynn says Trump 'absolutely right'": the rest of the sentence is the content."""
        obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
        if (
            obj is None
            or obj.pos_ == "PRON"
            or obj.lower_ in ("much", "something", "nothing", "anything", "so", "goodbye")
        ):
            return None
        last = v.sent[-1]
        return obj.left_edge.idx, last.idx + len(last)

    def _object(self, v: Token) -> tuple[int, int] | None:
        """'denied any involvement in the attacks': the object names what was said."""
        obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
        if obj is None or obj.pos_ == "PRON" or obj.lower_ in self.lex.object_excluded:
            return None
        toks = list(obj.subtree)
        if len(toks) < 3 or any(c.dep_ == "dative" for c in v.children):
            return None  # "denied the report" reports no content; "denied him a hearing" is no speech
        return toks[0].idx, toks[-1].idx + len(toks[-1])

    def _object_prep(self, v: Token, prep: str) -> tuple[int, int] | None:
        """'accused the airline of using fuel as cover': the object and what it is accused of."""
        obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
        pp = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == prep and c.i > v.i), None)
        if pp is None and obj is not None:
            pp = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == prep), None)
        if obj is None or pp is None or not any(c.dep_ in ("pcomp", "pobj") for c in pp.children):
            return None
        last = pp.right_edge
        return obj.left_edge.idx, last.idx + len(last)

    def _gerund(self, v: Token) -> tuple[int, int] | None:
        """'denied ever taking a banned substance', 'admitted lying': a gerund names what was said."""
        ger = next(
            (c for c in v.children if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" and c.i > v.i), None
        )
        if ger is None or len(list(ger.subtree)) < 2:
            return None
        toks = list(ger.subtree)
        return toks[0].idx, toks[-1].idx + len(toks[-1])

    def _according(self, tok: Token) -> Quote | None:
        to = self.doc[tok.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        sent = tok.sent
        phrase = list(tok.subtree) or [tok, to]
        p0, p1 = min(phrase[0].i, tok.i), max(phrase[-1].i, to.i)
        if source is not None:
            p1 = max(p1, source.right_edge.i)
        before = self.doc[sent.start : p0]
        after = self.doc[p1 + 1 : sent.end]
        side = after if len(after) > len(before) else before
        if len(side) < 3:
            return None
        start, end = side[0].idx, side[-1].idx + len(side[-1])
        if side is before and self._same_clause_after(before, after):
            end = after[-1].idx + len(after[-1])  # "X rose 35%, according to Y, up from 10%": one content
        start, end = self._paragraph(tok.idx, *self._snap(start, end))
        if end - start < 2:
            return None
        q = Quote(
            start,
            end,
            self.text[start:end],
            "according to",
            tok.idx,
            to.idx + len(to),
            self._kind(start, end),
        )
        if source is not None:
            self._set_speaker(q, source)
        q.frame = []
        return q

    @staticmethod
    def _same_clause_after(before: Span, after: Span) -> bool:
        """The words after a parenthetical "according to Y" continue the clause before it: every one of
        them hangs, directly or not, on a word before the phrase, and they hold no clause of their own."""
        toks = [t for t in after if not t.is_punct and not t.is_space]
        if len(toks) < 2 or len(before) < 3:
            return False
        lo, hi = after.start, after.end
        tops = [t for t in toks if not lo <= t.head.i < hi]
        return all(before.start <= t.head.i < before.end for t in tops) and not any(
            t.dep_ in SUBJECTS for t in toks
        )

    # -- spans, kinds, speakers ---------------------------------------------------------------------
    def _snap(self, start: int, end: int) -> tuple[int, int]:
        """Trim punctuation at the edges, then grow to cover any quotation it cuts."""
        while start < end and self.text[start] in TRIM:
            start += 1
        while end > start and self.text[end - 1] in TRIM + ".":
            end -= 1
        for qs, qe in self.marks:
            if qs < end and start < qe:
                if qs < start and qe - 1 <= end + 2:
                    start = qs
                if qe > end and qs >= start - 1:
                    end = qe
                if qs <= start and qe >= end:
                    start, end = qs, qe
        while end > start and self.text[end - 1] in TRIM:
            end -= 1
        return start, end

    def _paragraph(self, cue: int, start: int, end: int) -> tuple[int, int]:
        """Content outside quotation marks stays in the cue's paragraph (the parser may run on)."""
        for m in re.finditer(r"\n\s*\n", self.text[start:end]):
            a, b = start + m.start(), start + m.end()
            if any(qs < a and b < qe for qs, qe in self.marks):
                continue
            if cue >= b:
                start = b
            else:
                end = a
                break
        while end > start and self.text[end - 1] in TRIM:
            end -= 1
        return start, end

    def _kind(self, start: int, end: int) -> str:
        inside = 0
        for qs, qe in self.marks:
            lo, hi = max(qs, start), min(qe, end)
            if hi > lo:
                inside += hi - lo
        if inside == 0:
            return "indirect"
        core = self.text[start:end].strip(TRIM + ".!?")
        outside = len(core) - min(inside, len(core))
        if (
            outside <= 3
            or self.text[start] in EDGE_MARKS
            and self.text[end - 1] in EDGE_MARKS + ".,!?"
            and any(qs <= start + 1 and qe >= end - 2 for qs, qe in self.marks)
        ):
            return "direct"
        return "mixed"

    def _speaker_span(self, subj: Token) -> list[Token]:
        """The subject without appositives, relative clauses or anything after a comma."""
        drop: set[int] = set()
        for c in subj.children:
            if c.dep_ in ("appos", "relcl", "acl", "punct", "prep") and c.i > subj.i:
                drop.update(t.i for t in c.subtree)
        toks = [t for t in subj.subtree if t.i not in drop]
        out = [t for t in toks if t.i <= subj.i or t.i == toks[-1].i and t.i - subj.i < 3]
        return [t for t in out if t.dep_ != "punct"] or [subj]

    def _set_speaker(self, q: Quote, subj: Token) -> None:
        toks = self._speaker_span(subj)
        s, e = _span_chars(toks)
        q.speaker_start, q.speaker_end = s, e
        q.speaker_is_pronoun = subj.pos_ == "PRON"
        text = self.text[s:e]
        ent = next((x for x in self.doc.ents if x.start <= subj.i < x.end and x.label_ == "PERSON"), None)
        if ent is not None and ent.start_char >= s and ent.end_char <= e:
            text = ent.text
        q.speaker_text = text.strip()
        self._speaker_in_paragraph(q)
        head = subj.head
        if (
            subj.lower_ in RELATIVE_PRONOUNS
            and subj.tag_ in ("WP", "WDT")
            and head.dep_ == "relcl"
            and head.head.pos_ in ("NOUN", "PROPN")
        ):  # the span stays on "who" (the grammatical subject); the name is the noun it stands for
            a0, a1 = _span_chars(self._speaker_span(head.head))
            q.antecedent = (a0, a1)
            q.speaker_text = self.text[a0:a1].strip()

    def _speaker_in_paragraph(self, q: Quote) -> None:
        """A speaker before its cue stays in the cue's paragraph: a headline without a full stop runs into
        the first paragraph for the parser ("Carmaker recalls 80,000 vehicles\n\nVelora said ..."), so
        the subject it finds may lie in the headline. Then the noun phrase that opens the cue's paragraph
        right before the cue is the speaker."""
        s, e = q.speaker_start, q.speaker_end
        if s is None or e is None or s >= q.cue_start:
            return
        brk = None
        for m in re.finditer(r"\n\s*\n", self.text[s : q.cue_start]):
            brk = s + m.end()
        if brk is None:
            return
        if e > brk:  # the span runs across the break: keep its part in the cue's paragraph
            s = brk
        else:
            toks = self.doc[self._tok_index(brk) : self._tok_index(q.cue_start)]
            toks = self.doc[toks.start : toks.end]
            while len(toks) and toks[-1].dep_ in ("aux", "advmod", "neg") or len(toks) and toks[-1].is_punct:
                toks = self.doc[toks.start : toks.end - 1]
            if not len(toks) or not all(
                t.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "NUM", "PRON", "PART") or t.text in (",", ".", "-")
                for t in toks
            ):
                return
            s, e = toks.start_char, toks.end_char
        q.speaker_start, q.speaker_end = s, e
        q.speaker_text = self.text[s:e].strip()
        first = self.doc[self._tok_index(s)]
        q.speaker_is_pronoun = e - s == len(first) and first.pos_ == "PRON"

    def _frame(self, v: Token, start: int, end: int) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        cur: Token | None = v
        for _ in range(3):  # the verb's own modifiers, then those of the verb it continues
            if cur is None:
                break
            for c in cur.children:
                if c.dep_ in FRAME_DEPS:
                    s, e = _span_chars(list(c.subtree))
                    if s < start < e:  # "said in a statement that ...": the frame stops at the content
                        e = start
                    if not (s < end and start < e):
                        spans.append((s, e))
            spans.append((cur.idx, cur.idx + len(cur)))
            for sub in cur.children:  # "The minister on Monday in remarks to CNN said"
                if sub.dep_ in SUBJECTS:
                    spans.extend(
                        _span_chars(list(c.subtree)) for c in sub.children if c.dep_ in ("prep", "npadvmod")
                    )
            cur = cur.head if cur.dep_ in ("conj", "advcl", "xcomp") and cur.head.i != cur.i else None
        return sorted(spans)

    # -- channels -----------------------------------------------------------------------------------
    def _channels(self, quotes: list[Quote]) -> None:
        last: dict[str, str] = {}
        for q in sorted(quotes, key=lambda q: q.cue_start):
            frame = " ".join(self.text[s:e] for s, e in q.frame)
            channel, ctype = self._channel(frame, q.cue, last)
            if channel is None and q.cue_token in self.parent:
                head = self.by_verb.get(self.parent[q.cue_token])
                if head is not None:
                    channel, ctype = head.channel, head.channel_type
            if channel is not None and ctype is not None:
                q.channel, q.channel_type = channel, ctype
                last[ctype] = channel

    def _channel(self, frame: str, cue: str, last: dict[str, str]) -> tuple[str | None, str | None]:
        lex = self.lex
        for p in lex.platforms:
            if any(rx.search(frame) for rx in p.patterns) or cue.lower() in p.cue_lemmas:
                return p.channel, p.type
        for rx in lex.outlet_patterns:
            for m in rx.finditer(frame):
                outlet = m.group("outlet").strip()
                bare = re.sub(r"^the ", "", outlet, flags=re.I)
                if outlet in lex.outlets or bare in lex.outlets or OUTLET_SUFFIX.search(outlet):
                    return outlet, lex.outlet_type
        for ctype, rxs in lex.anaphora.items():
            if any(rx.search(frame) for rx in rxs) and ctype in last:
                return last[ctype], ctype
        return None, None


def _is_clause(toks: Span | list[Token]) -> bool:
    return any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN", "TO") for t in toks) and any(
        t.dep_ in SUBJECTS or is_mark(t.text) for t in toks
    )


def _negated(v: Token, subj: Token | None) -> bool:
    """'did not say', 'never said', 'Neither government said', 'No official has said'."""
    if any(c.dep_ == "neg" or c.lower_ in ("never", "nor") for c in v.children):
        return True
    if v.dep_ == "xcomp" and (v.head.lemma_.lower() in REFUSING or v.head.lower_ in REFUSING):
        return True
    if subj is None or subj.i > v.i:
        return False
    return subj.lower_ in NEGATING_DETS or any(
        c.lower_ in NEGATING_DETS and c.dep_ in ("det", "preconj", "cc") for c in subj.children
    )


def _has_finite(t: Token) -> bool:
    """'said seeing police there was welcome': a gerund subject the parser took for an xcomp."""
    return any(x.tag_ in ("VBD", "VBZ", "VBP", "MD") for x in t.subtree)


def _last_inside(text: str, qs: int, qe: int) -> str:
    """The last character inside a quotation, before its closing mark(s)."""
    k = qe
    while k > qs + 1 and text[k - 1] in EDGE_MARKS:
        k -= 1
    return text[k - 1] if k > qs + 1 else " "


def _inside_frame(t: Token, v: Token) -> bool:
    cur = t
    while cur.i != cur.head.i:
        if cur.head.i == v.i:
            return cur.dep_ in FRAME_DEPS or cur.dep_ in SUBJECTS or cur.is_punct
        cur = cur.head
    return False


def _cue_text(v: Token) -> str:
    prt = [c for c in v.children if c.dep_ == "prt"]
    return v.text + ("".join(" " + p.text for p in prt) if prt else "")


def _colon_between(v: Token, c: Token) -> bool:
    return any(t.text == ":" for t in v.doc[v.i + 1 : c.left_edge.i + 1])


def _span_chars(toks: list[Token] | Span) -> tuple[int, int]:
    toks = list(toks)
    first = min(toks, key=lambda t: t.i)
    last = max(toks, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


def antecedent(doc: Doc, offset: int, pronoun: str) -> Span | None:
    """Nearest earlier subject that can be the pronoun's referent (a fallback when the actors stage
    has not run): a proper-noun subject for he/she, any noun subject for they/it."""
    low = pronoun.lower()
    personal = low in ("he", "she", "him", "her", "i")
    plural = low in ("they", "them", "we", "us")
    for tok in reversed(doc[: _token_at(doc, offset)]):
        if tok.dep_ not in SUBJECTS or tok.pos_ == "PRON":
            continue
        if personal and not (tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON"):
            continue
        if plural and tok.ent_type_ == "PERSON":
            continue  # "they" is never one named person
        if plural and tok.tag_ not in ("NNS", "NNPS") and tok.ent_type_ not in ("ORG", "NORP", "GPE"):
            continue
        if low == "it" and (tok.ent_type_ == "PERSON" or tok.tag_ in ("NNS", "NNPS")):
            continue
        ent = next((x for x in doc.ents if x.start <= tok.i < x.end), None)
        if ent is not None:
            return ent
        left = min((c.i for c in tok.children if c.dep_ in ("compound", "det", "amod")), default=tok.i)
        return doc[left : tok.i + 1]
    return None


def _token_at(doc: Doc, offset: int) -> int:
    for tok in doc:
        if tok.idx + len(tok) > offset:
            return tok.i
    return len(doc)
