"""A series drawn on matplotlib (an optional extra): its themes over time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._compare import Series

__all__ = ["plot_themes", "theme_counts"]

_MATPLOTLIB_HINT = 'plot() needs matplotlib, which is not installed; install it with: pip install "c5statement[plot]"'


def theme_counts(series: Series) -> dict[str, list[int]]:
    """For each theme of the series, how many points of each statement carry it.

    Example:
        >>> from c5statement import MEETING_2020, compare
        >>> theme_counts(compare([MEETING_2020, MEETING_2020]))["trade"]
        [2, 2]
    """
    counts: dict[str, list[int]] = {theme: [0] * len(series.statements) for theme in series.themes}
    for position, statement in enumerate(series.statements):
        for point in statement.points:
            for theme in point.themes:
                counts.setdefault(theme, [0] * len(series.statements))[position] += 1
    return counts


def plot_themes(series: Series, ax: Any = None) -> Any:
    """Draw :func:`theme_counts` on *ax*: a row a theme that some point carries (its label), a statement at its date.

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from c5statement import MEETING_2020, compare
        >>> ax = plot_themes(compare([MEETING_2020]))
        >>> "Trade and investment" in [label.get_text() for label in ax.get_yticklabels()]
        True
    """
    try:
        import matplotlib.pyplot as plt
    except ImportError as error:
        raise ImportError(_MATPLOTLIB_HINT, name=error.name) from error
    from ._themes import THEMES

    counts = theme_counts(series)
    themes = sorted((theme for theme in counts if any(counts[theme])), key=lambda theme: (-sum(counts[theme]), theme))
    themes.reverse()  # the most frequent at the top
    dates = [statement.date for statement in series.statements]
    if ax is None:
        _, ax = plt.subplots(figsize=(max(8.0, 1.2 * len(dates) + 4.5), max(3.0, 0.32 * len(themes) + 1.8)))
    for row, theme in enumerate(themes):
        present = [(date, count) for date, count in zip(dates, counts[theme], strict=True) if count]
        if present:
            ax.scatter(
                [date for date, _ in present],
                [row] * len(present),
                s=[40 + 40 * count for _, count in present],
                alpha=0.75,
                color="C0",
                edgecolors="none",
            )
    ax.set_yticks(range(len(themes)))
    ax.set_yticklabels([THEMES[theme].label if theme in THEMES else theme for theme in themes])
    ticks: dict[object, list[str]] = {}
    for date, label in zip(dates, series.labels, strict=True):
        ticks.setdefault(date, []).append(label)
    ax.set_xticks(list(ticks))
    ax.set_xticklabels([" / ".join(labels) for labels in ticks.values()], rotation=35, ha="right")
    ax.grid(axis="y", alpha=0.3)
    ax.set_title(f"Themes over time ({len(dates)} statements)")
    ax.set_xlabel("statement, at its date (dot size: how many of its points carry the theme)", fontsize="small")
    ax.figure.tight_layout()
    return ax
