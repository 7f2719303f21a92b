"""The packaged theme vocabulary: slug -> label, description and keyword rules."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["THEMES", "Theme"]


@attrs.frozen
class Theme:
    """One entry of the theme vocabulary.

    Attributes:
        slug: The identifier used in :attr:`Point.themes`.
        label: A short human-readable name.
        description: What the theme covers.
        keywords: Lowercase words and phrases whose presence in a text suggests
            the theme (used by :func:`c5statement.suggest_themes`). A phrase
            matches at word boundaries; a trailing ``*`` matches any ending.

    Example:
        >>> THEMES["belt-and-road"].label
        'Belt and Road'
    """

    slug: str
    label: str
    description: str
    keywords: tuple[str, ...] = ()


_ENTRIES = (
    Theme(
        "development-paths",
        "Development paths and sovereignty",
        "Respect for each country's choice of development path, sovereignty, independence "
        "and territorial integrity; strategic mutual trust.",
        (
            "development path*",
            "sovereignty",
            "independence",
            "territorial integrity",
            "national conditions",
            "strategic trust",
            "mutual trust",
            "core interests",
        ),
    ),
    Theme(
        "peace-and-stability",
        "Regional peace and stability",
        "Peace, stability and prosperity of the region as a shared goal.",
        ("regional peace", "peace, stability", "stability and prosperity", "regional stability", "restoring peace"),
    ),
    Theme(
        "shared-future",
        "Community with a shared future",
        "The 'community with a shared future' vision and anniversaries of relations.",
        ("shared future", "common destiny", "anniversary"),
    ),
    Theme(
        "health",
        "COVID-19 and health",
        "Cooperation against COVID-19 and other epidemics, vaccines, medicine, public health.",
        ("covid*", "epidemic*", "pandemic*", "anti-epidemic", "vaccine*", "health", "medical", "medicine"),
    ),
    Theme(
        "economic-recovery",
        "Economic recovery",
        "Restoring growth, supply chains and economic activity after a shock.",
        ("economic recovery", "recovery", "supply chain*", "resumption of work"),
    ),
    Theme(
        "trade",
        "Trade and investment",
        "Trade volumes, market access, investment, industrial capacity and finance.",
        (
            "trade",
            "trade volume*",
            "export*",
            "import",
            "imports",
            "importing",
            "investment*",
            "market access",
            "industrial capacity",
        ),
    ),
    Theme(
        "belt-and-road",
        "Belt and Road",
        "The Belt and Road Initiative and its alignment with national development strategies.",
        ("belt and road", "silk road*", "development strateg*"),
    ),
    Theme(
        "connectivity",
        "Connectivity and transit",
        "Transport corridors, routes, logistics, border crossings and transit.",
        (
            "connectivity",
            "transport*",
            "trans-border",
            "cross-border",
            "route*",
            "corridor*",
            "logistic*",
            "transit",
            "fast track*",
            "green passage*",
            "railway*",
            "highway*",
        ),
    ),
    Theme(
        "agriculture",
        "Agriculture and food security",
        "Agricultural cooperation, agricultural trade and food security.",
        ("agricultur*", "food security", "food", "grain*", "farm*", "irrigat*", "harvest*", "crop*", "livestock"),
    ),
    Theme(
        "digital-economy",
        "Digital economy and high tech",
        "E-commerce, smart cities, artificial intelligence, big data, digital cooperation.",
        (
            "digital*",
            "e-commerce",
            "high-tech",
            "smart cit*",
            "artificial intelligence",
            "big data",
            "data security",
            "innovation",
        ),
    ),
    Theme(
        "energy",
        "Energy",
        "Oil, gas, pipelines, power and green or renewable energy.",
        ("energy", "oil", "gas", "pipeline*", "power grid*", "renewable*", "electricity"),
    ),
    Theme(
        "security",
        "Security and terrorism",
        "Terrorism, extremism, separatism, drug trafficking, transnational crime, security cooperation.",
        (
            "terrori*",
            "extremis*",
            "separatis*",
            "drug trafficking",
            "transnational crime*",
            "organized crime*",
            "security cooperation",
            "regional security",
            "three evil forces",
        ),
    ),
    Theme(
        "afghanistan",
        "Afghanistan",
        "Peace, reconciliation and reconstruction in Afghanistan.",
        ("afghan*",),
    ),
    Theme(
        "multilateralism",
        "Multilateralism and the UN",
        "The United Nations, the SCO and other multilateral mechanisms, international fairness and justice.",
        (
            "multilateral*",
            "united nations",
            "the un",
            "international fairness",
            "international coordination",
            "shanghai cooperation organization",
            "sco",
        ),
    ),
    Theme(
        "non-interference",
        "Non-interference",
        "Opposition to interference in other countries' internal affairs.",
        ("interference", "internal affairs"),
    ),
    Theme(
        "people-to-people",
        "People-to-people exchanges",
        "Culture, education, tourism, media, youth and local-government exchanges.",
        (
            "people-to-people",
            "cultur*",
            "education*",
            "tourism",
            "student*",
            "youth",
            "personnel exchange*",
            "local government*",
            "media",
        ),
    ),
    Theme(
        "environment",
        "Environment and climate",
        "Climate change, water resources, desertification, green development.",
        (
            "climate change",
            "changing climate",
            "climate action",
            "environment*",
            "water resource*",
            "desertification",
            "green development",
            "ecolog*",
        ),
    ),
    Theme(
        "mechanism",
        "The mechanism itself",
        "Meetings, secretariats and the institutional development of the format itself.",
        ("meeting mechanism", "ministers' meeting*", "secretariat", "regular meeting*", "platform"),
    ),
)

THEMES: Mapping[str, Theme] = MappingProxyType({theme.slug: theme for theme in _ENTRIES})
"""The packaged vocabulary, keyed by slug (read-only). Users may use other slugs too."""
