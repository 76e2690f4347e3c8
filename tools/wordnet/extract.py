#!/usr/bin/env python3
"""Writes the compact WordNet 3.0 extract the question answering matches reworded questions with.

Reproducible: `apt-get install wordnet-base`, then
    python3 tools/wordnet/extract.py [/usr/share/wordnet] | gzip -9n > src/Bots.Text/Lexical/wordnet.txt.gz
(embedded in Bots.Text). The output is sorted and depends on nothing but the database.

Kept, for single-word lower-case lemmas only:
- irregular forms (verb.exc, noun.exc) that are neither lemmas of that part of speech nor regular forms of any ("slain" -> slay);
- for each lemma's frequent senses (the first, and the next two when SemCor tags them at least a tenth as often):
  the synonyms, the derivationally related words of the synset's members ("convene" -> convention), and for verbs and nouns
  the direct hypernym's words ("invade" -> attack, "talks" -> discussion);
- the reverse of every such link ("attack" -> storm), so either wording finds the other, but from a hypernym only
  when it has few hyponyms.
Each line lists the words the evidence may use for the question's lemma.
Each lemma keeps at most MAX_RELATED words, the most common first.
"""
import os
import re
import sys
from collections import defaultdict

MAX_RELATED = 40
MAX_SENSES = 3
SENSE_SHARE = 0.1
MAX_HYPONYMS = 40
POS = {"n": "noun", "v": "verb", "a": "adj"}
WORD = re.compile(r"^[a-z][a-z-]*[a-z]$")

SYNONYM, DERIVED, HYPERNYM = 0, 1, 2


def plain(word):
    return WORD.match(word) is not None and len(word) >= 3


DETACHMENTS = [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
               ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
               ("er", ""), ("est", ""), ("er", "e"), ("est", "e")]


def detach(word):
    """WordNet's regular detachment rules (morphy): the forms a word would have without an inflection."""
    return [word[:-len(suffix)] + ending for suffix, ending in DETACHMENTS if word.endswith(suffix) and len(word) > len(suffix) + 2]


def records(root, name):
    """The lines of a database file, without the licence text its first lines (indented) carry."""
    with open(os.path.join(root, name), encoding="latin-1") as f:
        yield from (line for line in f if not line.startswith("  "))


def read_data(root, pos):
    synsets = {}
    for line in records(root, "data." + POS[pos]):
        fields = line.split(" | ")[0].split()
        offset, count = fields[0], int(fields[3], 16)
        words = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]).lower() for i in range(count)]
        k = 4 + 2 * count
        pointers = []
        for _ in range(int(fields[k])):
            symbol, target, tpos, st = fields[k + 1:k + 5]
            pointers.append((symbol, target, "a" if tpos == "s" else tpos, int(st[:2], 16), int(st[2:], 16)))
            k += 4
        synsets[offset] = (words, pointers)
    return synsets


def read_index(root, pos):
    # lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset... (most frequent sense first)
    senses = {}
    for line in records(root, "index." + POS[pos]):
        fields = line.split()
        senses[fields[0]] = fields[-int(fields[2]):]
    return senses


def read_counts(root):
    # sense_key sense_number tag_count; the key's ss_type digit gives the part of speech (5 = adjective satellite).
    counts = {}
    with open(os.path.join(root, "cntlist.rev"), encoding="latin-1") as f:
        for line in f:
            key, number, count = line.split()
            lemma, rest = key.split("%")
            pos = {"1": "n", "2": "v", "3": "a", "5": "a"}.get(rest[0])
            if pos:
                counts[(lemma, pos, int(number))] = int(count)
    return counts


def frequent_senses(lemma, pos, offsets, counts):
    first = counts.get((lemma, pos, 1), 0)
    chosen = [offsets[0]]
    for number in range(2, min(MAX_SENSES, len(offsets)) + 1):
        count = counts.get((lemma, pos, number), 0)
        if count > 0 and count >= SENSE_SHARE * first:
            chosen.append(offsets[number - 1])
    return chosen


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
    counts = read_counts(root)
    data = {pos: read_data(root, pos) for pos in POS}
    index = {pos: read_index(root, pos) for pos in POS}

    tagged = defaultdict(int)
    for (lemma, pos, _), count in counts.items():
        tagged[(lemma, pos)] += count
    frequency = defaultdict(int)
    for (lemma, _), count in tagged.items():
        frequency[lemma] += count

    # The senses of each lemma a reader most likely means (of a part of speech SemCor never tags, the first only).
    frequent = {}
    for pos in POS:
        for lemma, offsets in index[pos].items():
            if plain(lemma):
                for rank, offset in enumerate(frequent_senses(lemma, pos, offsets, counts)):
                    frequent[(lemma, pos, offset)] = rank

    links = defaultdict(dict)

    def link(a, pos_a, synset_a, b, pos_b, synset_b, kind, both_ways=True):
        # Only a sense both words are commonly used in links them: "visit" is not "inflict" for a news reader.
        rank_a = frequent.get((a, pos_a, synset_a))
        rank_b = frequent.get((b, pos_b, synset_b))
        if a == b or rank_a is None or rank_b is None:
            return
        closeness = (kind == HYPERNYM, rank_a > 0 or rank_b > 0)
        for x, y in ((a, b), (b, a)) if both_ways else ((a, b),):
            if y not in links[x] or closeness < links[x][y]:
                links[x][y] = closeness

    hyponyms = defaultdict(int)
    for offset, (_, pointers) in [*data["v"].items(), *data["n"].items()]:
        hyponyms[offset] = sum(1 for p in pointers if p[0] == "~")

    for pos in POS:
        for offset, (words, pointers) in data[pos].items():
            for a in words:
                for b in words:
                    link(a, pos, offset, b, pos, offset, SYNONYM)
            for symbol, target, tpos, source, target_word in pointers:
                if symbol == "+" and source > 0 and tpos in POS:
                    link(words[source - 1], pos, offset, data[tpos][target][0][target_word - 1], tpos, target, DERIVED)
                elif symbol == "@" and pos in ("v", "n"):
                    for a in words:
                        for b in data[tpos][target][0]:
                            # "storm" may be told as "attack"; "attack" as "storm" only when few words share that hypernym
                            # ("travel" is not told as "fall" or "rise").
                            link(a, pos, offset, b, tpos, target, HYPERNYM, hyponyms[target] <= MAX_HYPONYMS)

    # An irregular form is kept only when nothing regular reads it otherwise: "leaves" is leave as well as leaf,
    # "bases" base as well as basis.
    lemmas = set().union(*(index[pos].keys() for pos in POS))
    bases = defaultdict(set)
    for pos in ("v", "n"):
        with open(os.path.join(root, POS[pos] + ".exc"), encoding="latin-1") as f:
            for line in f:
                form, *base = line.split()
                if plain(form) and form not in index[pos]:
                    bases[form].update(b for b in base if plain(b))
    forms = {form: next(iter(base)) for form, base in bases.items()
             if len(base) == 1 and not any(regular in lemmas for regular in detach(form))}

    out = sys.stdout
    out.write("# WordNet 3.0 extract (see WORDNET-LICENSE). Made by tools/wordnet/extract.py; do not edit.\n")
    out.write("# Lines '=form base' map an irregular form to its lemma; other lines: a lemma, then related lemmas, closest first.\n")
    for form in sorted(forms):
        out.write(f"={form} {forms[form]}\n")
    for lemma in sorted(links):
        # Words a text is likely to use first ("liken" -> compare before equate); a broader verb after the rest.
        related = sorted(links[lemma].items(), key=lambda kv: (kv[1][0], -frequency[kv[0]], kv[0]))[:MAX_RELATED]
        out.write(lemma + " " + " ".join(word for word, _ in related) + "\n")


if __name__ == "__main__":
    main()
