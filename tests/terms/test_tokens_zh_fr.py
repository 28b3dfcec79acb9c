"""Keywords of Chinese articles are words (jieba), not characters; Chinese and French stopwords and sector
cues are known, and English words that are French stopwords too stay terms."""
from coopnews.terms.sectors import sectors_in
from coopnews.terms.tokens import Tokenizer


def test_chinese_text_is_cut_into_words_and_function_words_dropped():
    terms = Tokenizer().terms("南京市代表团访问里昂，双方签署了友好城市合作备忘录。")
    assert terms == ["南京市", "代表团", "访问", "里昂", "签署", "友好城市", "合作", "备忘录"]


def test_french_stopwords_go_but_english_words_stay():
    tok = Tokenizer()
    assert tok.terms("Une délégation de Nankin a été reçue à Lyon, notamment pour la coopération.") == \
        ["délégation", "nankin", "reçue", "lyon", "coopération"]
    assert tok.terms("The premier made it possible.") == ["premier", "possible"]


def test_sector_cues_in_chinese_and_french():
    assert sectors_in("两市在生物医药和智慧城市领域开展合作") == ["biomedicine", "smart_city"]
    assert "environment" in sectors_in("un accord sur la transition écologique")
