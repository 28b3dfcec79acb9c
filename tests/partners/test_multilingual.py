"""A folder of Chinese, French and English articles: one partner per real partner, one event per real event,
and the project's own zh/fr test articles meet the issue's targets (eval/multilingual.py)."""
import importlib.util
from pathlib import Path

import pytest

import coopnews
from coopnews.partners.entities import entities_in_text
from coopnews.timeline.coverage import merged_events

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def mixed():
    return coopnews.load_corpus(DATA / "mixed", progress=False, use_cache=False)


def test_languages_are_detected(mixed):
    assert sorted(mixed.documents["language"]) == ["en", "fr", "zh"]


def test_each_city_is_one_partner_in_every_language(mixed):
    tables = coopnews.partner_tables(mixed)
    places = tables.entities[tables.entities["label"] == "PLACE"]
    by_city = places.groupby("canonical")["doc_id"].nunique()
    assert by_city["Nanjing"] == 3 and by_city["Lyon"] == 3
    assert set(places["canonical"]) <= {"Nanjing", "Lyon", "France"}
    counts = coopnews.pair_counts(tables.pairs)
    assert {frozenset((a, b)) for a, b in zip(counts["a"], counts["b"])} >= {frozenset(("Nanjing", "Lyon"))}
    assert counts.iloc[0][["a", "b"]].tolist() in (["Lyon", "Nanjing"], ["Nanjing", "Lyon"])
    assert counts.iloc[0]["documents"] == 3


def test_one_event_reported_in_three_languages_is_merged(mixed):
    merged = merged_events(coopnews.events(mixed), mixed.documents)
    row = merged[merged["value"] == "2024-10-22"].iloc[0]
    assert row["languages"] == "en:1 fr:1 zh:1" and {"Nanjing", "Lyon"} <= set(row["parties"])
    assert (merged["value"] == "2024-10-22").sum() == 1


def test_chinese_and_french_names_take_the_english_canonical_names():
    zh = entities_in_text("南京市代表团访问法国里昂。", language="zh")
    fr = entities_in_text("Une délégation de Nankin a visité Lyon, en France.", language="fr")
    assert list(zh["canonical"]) == ["Nanjing", "France", "Lyon"]
    assert list(fr["canonical"]) == ["Nanjing", "Lyon", "France"]


# Printed publication dates a split may miss: one on the Chinese splits; none on the French ones (the French
# held-out articles print 7 dates and all are read since the header shapes of fr-17..22), a floor against losing more.
DATES_MISSED_AT_MOST = {("zh", "dev"): 1, ("zh", "heldout"): 1, ("fr", "dev"): 0, ("fr", "heldout"): 0}


def test_own_zh_fr_articles_meet_the_targets():
    spec = importlib.util.spec_from_file_location("multilingual", DATA.parents[1] / "eval" / "multilingual.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for row in module.evaluate(module.load_gold()):
        assert row["entity_f1"] >= 0.80 and row["timex_value_f1"] >= 0.80, row
        assert row["dates_invented"] == 0, row
        found, printed = map(int, row["dates_found"].split("/"))
        assert found >= printed - DATES_MISSED_AT_MOST[row["language"], row["split"]], row


def _fr_pairs(text):
    from coopnews.partners.relations import pairs_in_text

    table = pairs_in_text(text, language="fr")
    return {frozenset((a, b)) for a, b in zip(table["a"], table["b"])}


def test_french_list_of_twin_towns_is_a_star():
    pairs = _fr_pairs("Angers est jumelée avec Wigan, en Angleterre, Haarlem, aux Pays-Bas, et Bamako, au Mali.")
    assert pairs == {frozenset(("Angers", c)) for c in ("Wigan", "Haarlem", "Bamako")}
    pairs = _fr_pairs("Brest est jumelée avec Denver, Kiel, Plymouth et Yokosuka.")
    assert pairs == {frozenset(("Brest", c)) for c in ("Denver", "Kiel", "Plymouth", "Yokosuka")}


def test_french_two_parties_after_a_third_are_a_star_unless_they_open_the_sentence():
    assert _fr_pairs("Sherbrooke entretient des liens avec Beaune et avec Kirkland.") == {
        frozenset(("Sherbrooke", "Beaune")), frozenset(("Sherbrooke", "Kirkland"))}
    assert _fr_pairs("Lyon et Canton ont signé un accord de coopération.") == {frozenset(("Lyon", "Guangzhou"))}
    assert _fr_pairs("Une délégation de Nankin a visité Lyon et Marseille.") == {
        frozenset(("Nanjing", "Lyon")), frozenset(("Nanjing", "Marseille"))}


def test_french_seats_and_locators_are_not_parties():
    pairs = _fr_pairs("L'Université de Brest a signé un accord avec l'Université de Wuhan, basée à Wuhan.")
    assert pairs == {frozenset(("Université de Brest", "Université de Wuhan"))}
    pairs = _fr_pairs("La Ville de Niort et la commune d'Atakpamé, au Togo, ont signé une convention.")
    assert pairs == {frozenset(("Niort", "Atakpamé"))}
    assert _fr_pairs("Le consul général de Chine à Rennes a rencontré le maire de Nantes.") == {
        frozenset(("China", "Nantes"))}


def test_french_organisation_names():
    def names(text):
        return list(entities_in_text(text, language="fr")["text"])

    assert names("L'Université d'Angers a signé avec l'Université d'Osnabrück.") == [
        "Université d'Angers", "Université d'Osnabrück"]
    assert names("La Chambre de commerce de Sherbrooke et la CCI du Doubs ont signé.") == [
        "Chambre de commerce de Sherbrooke", "CCI du Doubs"]
    assert names("Une mission de Brest Métropole doit se rendre en Chine.") == ["Brest Métropole", "Chine"]
    assert names("Le maire a parlé place du Ralliement puis au Centre de foires de Sherbrooke.") == []
    assert names("Photo : Est Républicain") == []
    assert "AFP" not in names("BORDEAUX, 3 avril 2023 (AFP) - Bordeaux et Wuhan sont jumelées.")
    regions = entities_in_text("Beaune, en Bourgogne, et Wigan, en Angleterre.", language="fr")
    assert {("Bourgogne", "region"), ("Angleterre", "region")} <= set(zip(regions["text"], regions["type"]))


def test_french_country_of_a_city_party_is_not_a_party_of_its_own():
    assert _fr_pairs("Le maire de Niort a reçu le maire d'Atakpamé, en visite en France pour une semaine.") == {
        frozenset(("Niort", "Atakpamé"))}
    assert _fr_pairs("La Métropole de Lyon enverra une mission en Chine.") == {frozenset(("Métropole de Lyon", "China"))}


def test_french_persons_outlets_and_acronym_heads_are_not_names():
    def names(text):
        return list(entities_in_text(text, language="fr")["text"])

    # a person's name holds no place ("Martin", "Van" are places elsewhere)
    found = names("Le maire de Vannes a reçu l'adjointe, Claire Martin, et le délégué Tran Van Long.")
    assert "Martin" not in found and "Van" not in found and "Vannes" in found
    # a name ending in a tail word goes on with its capitalised words
    assert "Laval Métropole Val de Mayenne" in names("Le président de Laval Métropole Val de Mayenne était présent.")
    # an acronym head is no name with the verb after it
    assert names("La CCI accueillera une délégation de Hanoï.") == ["Hanoï"]
    # a bare head names the organisation with that head named before it
    table = entities_in_text("La CCI de Vannes conduira une mission au Vietnam. La CCI accueillera ensuite une délégation.", language="fr")
    assert list(table["canonical"]) == ["CCI de Vannes", "Vietnam", "CCI de Vannes"]
    # a wire's parentheses after an upper-case place with no date
    assert "AFP" not in names("ZIGUINCHOR (AFP) - Ziguinchor et Poitiers ont signé un accord.")
    assert "Reuters" not in names("SAINT-LOUIS (Sénégal) (Reuters) - Saint-Louis et Lille coopèrent.")


def test_french_conjugated_cooperation_verb_is_a_cue():
    assert _fr_pairs("Poitiers coopère aussi avec Marrakech.") == {frozenset(("Poitiers", "Marrakech"))}


def test_french_attending_is_not_cooperating():
    assert _fr_pairs("Vannes et Hanoï ont signé un accord, en présence du consul général du Vietnam à Lyon.") == {
        frozenset(("Vannes", "Hanoi"))}
    assert _fr_pairs("Le texte a été signé en présence de l'ambassadeur de France au Maroc, qui s'en félicite.") == set()


def test_french_co_signers_before_avec_are_no_pair_and_clauses_are_cut():
    assert _fr_pairs("Quimper et Lorient ont signé jeudi un accord de coopération avec Rimouski.") == {
        frozenset(("Quimper", "Rimouski")), frozenset(("Lorient", "Rimouski"))}
    assert _fr_pairs("Vannes coopère avec Hanoï depuis 1998, et Lorient est jumelée avec Gdynia.") == {
        frozenset(("Vannes", "Hanoi")), frozenset(("Lorient", "Gdynia"))}
    # a list's last member is no new clause
    assert _fr_pairs("Brest est jumelée avec Denver, Kiel, et Plymouth.") == {
        frozenset(("Brest", c)) for c in ("Denver", "Kiel", "Plymouth")}


def test_french_mission_to_two_cities_is_a_star():
    assert _fr_pairs("Une délégation de Nantes se rendra à Hanoï et à Da Nang en novembre.") == {
        frozenset(("Nantes", "Hanoi")), frozenset(("Nantes", "Da Nang"))}


def test_french_chinese_provinces_embassies_and_party_words():
    assert _fr_pairs("Le conseil régional de Normandie a signé une lettre d'intention avec la province du Zhejiang.") == {
        frozenset(("Normandie", "Zhejiang"))}
    table = entities_in_text("Une délégation du Hubei et du Henan a été reçue par l'ambassade de Chine en France.",
                             language="fr")
    assert list(zip(table["canonical"], table["type"])) == [("Hubei", "region"), ("Henan", "region"),
                                                             ("ambassade de Chine en France", "embassy")]
    assert "Parti" not in list(entities_in_text("Le secrétaire du Parti de Suzhou a reçu le maire de Grenoble.",
                                                language="fr")["text"])


def test_french_mission_of_a_country_is_no_partner_of_its_cities():
    assert _fr_pairs("Le maire de Vannes a reçu une délégation de Ningbo et une conseillère de l'ambassade de Chine "
                     "en France.") == {frozenset(("Vannes", "Ningbo")), frozenset(("Vannes", "ambassade de Chine en France"))}


def test_french_epithet_of_a_city_of_a_country_names_that_city():
    pairs = _fr_pairs("Vannes est jumelée avec Cuxhaven. Le maire de Lorient a rencontré son homologue allemand.")
    assert frozenset(("Lorient", "Cuxhaven")) in pairs
    assert _fr_pairs("La ville chinoise a signé un accord avec Vannes.") == set()  # no Chinese city before


def test_french_exonyms_of_smaller_towns_and_regions():
    table = entities_in_text("Caen est jumelée avec Wurtzbourg ; Rennes coopère avec Sarrebruck et la Catalogne.",
                             language="fr")
    assert {"Würzburg", "Saarbrücken", "Catalogne"} <= set(table["canonical"])
    assert _fr_pairs("Jumelée depuis 1985 avec Ratisbonne, Vannes a reçu mardi une délégation.") == {
        frozenset(("Vannes", "Regensburg"))}


def test_french_department_named_after_a_river_is_no_foreign_city():
    table = entities_in_text("Le département de la Vienne est jumelé avec le comté de Ganzhou.", language="fr")
    assert ("Vienne", "region", "France") in set(zip(table["canonical"], table["type"], table["country"]))
    assert "Wien" not in set(table["canonical"])


def test_french_partnership_between_two_parties_pairs_only_them():
    assert _fr_pairs("L'Institut Confucius de Vannes est né d'un partenariat entre l'Université de Vannes et "
                     "l'Université de Jinan.") == {frozenset(("Université de Vannes", "Université de Jinan"))}
    assert _fr_pairs("Le maire a salué l'accord signé entre la ville de Vannes et la ville de Ningbo.") == {
        frozenset(("Vannes", "Ningbo"))}


def test_french_city_demonym_after_a_delegation_names_the_city():
    assert _fr_pairs("Une mission économique marseillaise se rendra à Ningbo en mai.") == {frozenset(("Marseille", "Ningbo"))}
    assert _fr_pairs("Une délégation orléanaise s'est rendue à Parakou, au Bénin.") == {frozenset(("Orléans", "Parakou"))}
    assert _fr_pairs("Des entreprises bordelaises ont signé des contrats à Wuhan.") == set()  # firms: an adjective
