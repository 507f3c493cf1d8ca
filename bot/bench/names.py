"""Names for generated athletes: Faker locales for many nations, with their accents and their name order."""

from __future__ import annotations

import random
from dataclasses import dataclass

from anyascii import anyascii
from faker import Faker

# (NOC, Faker locale, weight, style). Styles: "western" (given names, then family name), "translit" (a non-Latin
# script written the way English pages write it), "family_first" (Chinese, Japanese), "korean" (`Hwang Young-cho`).
NATIONS: tuple[tuple[str, str, float, str], ...] = (
    ("USA", "en_US", 10, "western"), ("GBR", "en_GB", 5, "western"), ("AUS", "en_AU", 3, "western"),
    ("CAN", "en_CA", 3, "western"), ("IRL", "ga_IE", 1, "western"), ("NZL", "en_NZ", 1, "western"),
    ("FRA", "fr_FR", 5, "western"), ("GER", "de_DE", 6, "western"), ("AUT", "de_AT", 2, "western"),
    ("SUI", "de_CH", 2, "western"), ("ITA", "it_IT", 5, "western"), ("ESP", "es_ES", 4, "western"),
    ("MEX", "es_MX", 2, "western"), ("ARG", "es_AR", 2, "western"), ("COL", "es_CO", 1, "western"),
    ("CHI", "es_CL", 1, "western"), ("BRA", "pt_BR", 3, "western"), ("POR", "pt_PT", 1, "western"),
    ("NED", "nl_NL", 3, "western"), ("BEL", "nl_BE", 1, "western"), ("SWE", "sv_SE", 3, "western"),
    ("NOR", "no_NO", 3, "western"), ("DEN", "da_DK", 2, "western"), ("FIN", "fi_FI", 3, "western"),
    ("ISL", "is_IS", 0.5, "western"), ("POL", "pl_PL", 4, "western"), ("CZE", "cs_CZ", 3, "western"),
    ("SVK", "sk_SK", 1.5, "western"), ("HUN", "hu_HU", 3, "western"), ("ROU", "ro_RO", 2, "western"),
    ("CRO", "hr_HR", 1.5, "western"), ("SLO", "sl_SI", 1, "western"), ("LTU", "lt_LT", 1, "western"),
    ("LAT", "lv_LV", 1, "western"), ("EST", "et_EE", 1, "western"), ("TUR", "tr_TR", 2, "western"),
    ("AZE", "az_AZ", 1, "western"), ("UZB", "uz_UZ", 1, "western"), ("INA", "id_ID", 1, "western"),
    ("IND", "en_IN", 1, "western"), ("RSA", "zu_ZA", 1, "western"), ("GHA", "tw_GH", 0.5, "western"),
    ("RUS", "ru_RU", 6, "translit"), ("UKR", "uk_UA", 3, "translit"), ("BUL", "bg_BG", 2, "translit"),
    ("GRE", "el_GR", 2, "translit"), ("GEO", "ka_GE", 1, "translit"), ("ARM", "hy_AM", 1, "translit"),
    ("CHN", "zh_CN", 6, "family_first"), ("JPN", "ja_JP", 4, "family_first"), ("KOR", "ko_KR", 4, "korean"),
)  # fmt: skip

_POOL = {"first": 300, "last": 600}
# Korean family names as English pages write them (a plain transliteration would give `I` for 이).
_KOREAN_FAMILY = {
    "김": "Kim", "이": "Lee", "박": "Park", "최": "Choi", "정": "Jung", "강": "Kang", "조": "Cho", "윤": "Yoon",
    "장": "Jang", "임": "Lim", "한": "Han", "오": "Oh", "서": "Seo", "신": "Shin", "권": "Kwon", "황": "Hwang",
    "안": "Ahn", "송": "Song", "류": "Ryu", "유": "Yoo", "홍": "Hong", "전": "Jeon", "고": "Ko", "문": "Moon",
    "양": "Yang", "손": "Son", "배": "Bae", "백": "Baek", "허": "Heo", "노": "Noh", "하": "Ha", "곽": "Kwak",
}  # fmt: skip


def _latin(text: str) -> str:
    """A non-Latin name as an English page writes it: transliterated, each part capitalized."""
    out = anyascii(text).replace("'", "").replace("`", "")
    return " ".join(part[:1].upper() + part[1:].lower() for part in out.split())


def _korean_given(text: str) -> str:
    syllables = [anyascii(ch).lower() for ch in text if not ch.isspace()]
    if not syllables:
        return ""
    joined = "-".join(syllables)
    return joined[:1].upper() + joined[1:]


@dataclass
class _Pools:
    style: str
    first: dict[str, list[str]]  # gender ("m"/"w") -> given names, drawn with the locale's own weights
    last: dict[str, list[str]]
    extra_given: list[str]  # second given syllables for Chinese names (`Shao` + `guo`)


class NameFactory:
    """Draws names by nation; pools are sampled from Faker once per locale, so names repeat as in life."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self._pools: dict[str, _Pools] = {}
        self.nocs = [n[0] for n in NATIONS]
        self.weights = [n[2] for n in NATIONS]
        self._spec = {n[0]: n for n in NATIONS}

    def nation(self) -> str:
        return self.rng.choices(self.nocs, self.weights)[0]

    def _pools_for(self, noc: str) -> _Pools:
        pools = self._pools.get(noc)
        if pools is not None:
            return pools
        _, locale, _, style = self._spec[noc]
        fake = Faker(locale)
        fake.seed_instance(self.seed * 1009 + self.nocs.index(noc))
        first: dict[str, list[str]] = {"m": [], "w": []}
        last: dict[str, list[str]] = {"m": [], "w": []}
        extra: list[str] = []
        if style == "family_first":
            for g in ("m", "w"):
                given = getattr(fake, f"first_romanized_name_{'male' if g == 'm' else 'female'}", None)
                first[g] = [(given or fake.first_romanized_name)() for _ in range(_POOL["first"])]
                last[g] = [fake.last_romanized_name() for _ in range(_POOL["last"])]
            extra = [fake.first_romanized_name().lower() for _ in range(200)]
        else:
            for g in ("m", "w"):
                given = fake.first_name_male if g == "m" else fake.first_name_female
                family = fake.last_name_male if g == "m" else fake.last_name_female
                first[g] = [given() for _ in range(_POOL["first"])]
                last[g] = [family() for _ in range(_POOL["last"])]
        pools = _Pools(style, first, last, extra)
        self._pools[noc] = pools
        return pools

    def name(self, noc: str, gender: str) -> str:
        g = "w" if gender == "w" else "m"
        pools = self._pools_for(noc)
        rng = self.rng
        given, family = rng.choice(pools.first[g]), rng.choice(pools.last[g])
        if pools.style == "family_first":
            if noc == "CHN" and rng.random() < 0.5 and pools.extra_given:
                given = given + rng.choice(pools.extra_given)
            return f"{family} {given}"
        if pools.style == "korean":
            return f"{_KOREAN_FAMILY.get(family) or _latin(family)} {_korean_given(given)}"
        if pools.style == "translit":
            given, family = _latin(given), _latin(family)
        if rng.random() < 0.08:  # a second given name: `José Manuel`, `Anna Maria`
            second = rng.choice(pools.first[g])
            second = _latin(second) if pools.style == "translit" else second
            if second != given:
                given = f"{given} {second}"
        return f"{given} {family}"
