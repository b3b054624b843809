"""Small server-side SVG charts: bar charts and histograms, accessible, no JavaScript.

Each chart is an <svg role="img"> named by its <title> and <desc>. Every bar is a
<g class="bar" data-label=".." data-value=".."> so that the numbers drawn can be checked
against the data table printed beside the chart. Colours come from the stylesheet
(classes only: the CSP forbids inline styles).
"""
import math
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its value, and the value as the table prints it."""

    label: str
    value: float
    display: str


def format_number(value: float, decimals: int = 1) -> str:
    """Format a number the Swedish way: decimal comma, no decimals for whole numbers."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.{decimals}f}".replace(".", ",")


def _nice_max(value: float) -> float:
    """Return a round number at or above value for the top of the axis."""
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        top = step * magnitude
        if top >= value:
            return top
    return 10 * magnitude


def _attrs(**values) -> str:
    return " ".join(f'{name.replace("_", "-")}="{escape(str(v))}"' for name, v in values.items())


def bar_chart(bars: list[Bar], *, chart_id: str, title: str, desc: str, horizontal: bool = False,
              histogram: bool = False, width: int = 640) -> Markup:
    """Return an accessible SVG bar chart (vertical, horizontal, or as a histogram without gaps)."""
    bars = list(bars)
    top = _nice_max(max((b.value for b in bars), default=0))
    if all(float(b.value).is_integer() for b in bars) and not float(top / 2).is_integer():
        top = math.ceil(top / 2) * 2  # counts: keep every tick a whole number
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" {_attrs(id=chart_id)} role="img" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" ',
    ]
    if horizontal:
        row, label_width, left = 26, 200, 210
        height = 20 + row * max(len(bars), 1) + 24
        plot = width - left - 50
        parts[0] += f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        parts.append(_titles(chart_id, title, desc))
        parts.append('<g class="axis">')
        parts.append(f'<line x1="{left}" y1="10" x2="{left}" y2="{height - 24}"/>')
        for tick in (0, top / 2, top):
            x = left + plot * tick / top
            parts.append(f'<text class="tick" x="{x:.1f}" y="{height - 6}" text-anchor="middle">'
                         f'{escape(format_number(tick))}</text>')
        parts.append("</g><g class=\"bars\">")
        for i, bar in enumerate(bars):
            y = 14 + i * row
            length = plot * bar.value / top
            parts.append(
                f'<g class="bar" {_attrs(data_label=bar.label, data_value=_machine(bar.value))}>'
                f'<text class="bar-label" x="{left - 8}" y="{y + 14}" text-anchor="end">'
                f'{escape(_clip(bar.label, label_width // 7))}</text>'
                f'<rect class="bar-rect" x="{left}" y="{y}" width="{length:.1f}" height="{row - 8}"/>'
                f'<text class="bar-value" x="{left + length + 4:.1f}" y="{y + 14}">{escape(bar.display)}</text></g>')
    else:
        height, bottom, left = 260, 200, 44
        plot_h = bottom - 20
        n = max(len(bars), 1)
        slot = (width - left - 10) / n
        bar_w = slot if histogram else slot * 0.7
        parts[0] += f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        parts.append(_titles(chart_id, title, desc))
        parts.append('<g class="axis">')
        parts.append(f'<line x1="{left}" y1="{bottom}" x2="{width - 10}" y2="{bottom}"/>')
        for tick in (0, top / 2, top):
            y = bottom - plot_h * tick / top
            parts.append(f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}"/>'
                         f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">'
                         f'{escape(format_number(tick))}</text>')
        parts.append("</g><g class=\"bars\">")
        rotate = n > 8
        for i, bar in enumerate(bars):
            x = left + i * slot + (slot - bar_w) / 2
            h = plot_h * bar.value / top
            cx = x + bar_w / 2
            label_y = bottom + 16
            label = (f'<text class="bar-label" x="{cx:.1f}" y="{label_y}" text-anchor="end" '
                     f'transform="rotate(-40 {cx:.1f} {label_y})">' if rotate else
                     f'<text class="bar-label" x="{cx:.1f}" y="{label_y}" text-anchor="middle">')
            parts.append(
                f'<g class="bar" {_attrs(data_label=bar.label, data_value=_machine(bar.value))}>'
                f'<rect class="bar-rect" x="{x:.1f}" y="{bottom - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}"/>'
                f'<text class="bar-value" x="{cx:.1f}" y="{bottom - h - 4:.1f}" text-anchor="middle">'
                f'{escape(bar.display)}</text>'
                f'{label}{escape(_clip(bar.label, 16))}</text></g>')
    parts.append("</g></svg>")
    return Markup("".join(parts))


def histogram(bins: list[Bar], **kwargs) -> Markup:
    """Return an SVG histogram: adjacent bars, one per bin (labels name the bin's range)."""
    return bar_chart(bins, histogram=True, **kwargs)


def _titles(chart_id: str, title: str, desc: str) -> str:
    return (f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
            f'<desc id="{escape(chart_id)}-desc">{escape(desc)}</desc>')


def _machine(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.4f}".rstrip("0")


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"
