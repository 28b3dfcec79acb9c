"""NLTK comes without scipy.stats (a second of start-up in every process that splits sentences or stems),
and NLTK's Fisher test, the one thing that needed it, still gives scipy's answer."""
import subprocess
import sys
from pathlib import Path

LIB = Path(__file__).resolve().parents[2] / "lib"


def run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(LIB)!r})\n{code}"],
                         capture_output=True, text=True, timeout=120, check=True)
    return out.stdout.strip()


def test_stemming_and_sentence_splitting_do_not_import_scipy_stats():
    printed = run("from coopnews.terms.tokens import stem\n"
                  "from coopnews.corpus.sentences import SentenceSplitter\n"
                  "print(stem('cities'), 'nltk' in sys.modules, 'scipy.stats' in sys.modules)")
    assert printed == "citi True False"


def test_nltk_fisher_test_still_answers_as_scipy_does():
    printed = run("from coopnews.corpus.nltk_import import import_nltk\n"
                  "import_nltk()\n"
                  "from nltk.collocations import BigramAssocMeasures\n"
                  "from scipy.stats import fisher_exact\n"
                  "ours = BigramAssocMeasures.fisher(1, (100, 100), 1000)  # a pair seen less than chance\n"
                  "theirs = fisher_exact([[1, 99], [99, 801]], alternative='less').pvalue\n"
                  "print(round(ours, 12) == round(theirs, 12), ours < 0.001)")
    assert printed == "True True"
