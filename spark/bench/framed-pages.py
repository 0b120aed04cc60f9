#!/usr/bin/env python3
"""Writes the framed-pages corpus of docs/BENCHMARKS.md (Spark against MLlib): 10,000 invented pages
from 40 outlets, each page a story inside its outlet's frame (a header, a related-story list and a
footer of 100 to 280 words in all), 40% of stories carried by 1 to 4 more outlets with a few words
changed and a quarter cut short. One {"id", "url", "text", "story"} object a line; "story" is the
gold cluster. Seeded: the same file every run.

    python3 spark/bench/framed-pages.py > framed10k.jsonl
"""
import json
import random
import sys

r = random.Random(2026)
vocab = [''.join(r.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(r.randint(2, 9)))
         for _ in range(8000)]


def words(n):
    return ' '.join(r.choice(vocab) for _ in range(n))


outlets = [(words(r.randint(40, 120)), words(r.randint(60, 160)), 'outlet%d.example' % i)
           for i in range(40)]
headlines = [words(8) for _ in range(300)]
out = []
story = 0
while len(out) < 10000:
    s = words(r.randint(40, 400))
    copies = 1 + (r.randint(1, 4) if r.random() < 0.4 else 0)
    for c in range(copies):
        t = s.split(' ')
        if c:
            for _ in range(r.randint(0, 6)):
                t[r.randrange(len(t))] = r.choice(vocab)
            if r.random() < 0.25:
                t = t[:max(10, len(t) * r.randint(6, 9) // 10)]
        h, f, host = outlets[r.randrange(len(outlets))]
        rel = '. '.join(r.choice(headlines) for _ in range(3))
        text = h + '\n\n' + ' '.join(t) + '\n\nRelated: ' + rel + '\n\n' + f
        out.append({'id': 'd%d' % len(out), 'url': 'https://%s/a/%d' % (host, len(out)),
                    'text': text, 'story': story})
    story += 1
r.shuffle(out)
for rec in out:
    sys.stdout.write(json.dumps(rec) + '\n')
