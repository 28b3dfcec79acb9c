"""Text labels that do not overlap: each label tries a few positions around its point, in priority order,
and is left out when none is free (the caller says how many were left out)."""
from __future__ import annotations

# (dx, dy) in points and the alignment that keeps the text off its point
AROUND = ((5, 3, "left", "bottom"), (-5, 3, "right", "bottom"), (5, -3, "left", "top"), (-5, -3, "right", "top"),
          (0, 7, "center", "bottom"), (0, -7, "center", "top"), (9, 10, "left", "bottom"), (-9, -10, "right", "top"),
          (9, -10, "left", "top"), (-9, 10, "right", "bottom"), (0, 16, "center", "bottom"), (0, -16, "center", "top"))


def place_labels(ax, xs, ys, texts, *, fontsize: float = 8, positions=AROUND, taken=None, **style) -> int:
    """Annotate (xs[i], ys[i]) with texts[i], first come first placed, without overlaps or leaving the axes.
    Returns the number of labels left out. `taken`: display-space boxes already occupied (extended).

    Each label is measured once; its box at every candidate position is computed from that size (a label
    drawn and measured at each of the 12 positions made this the slowest part of a page's figures)."""
    from matplotlib.transforms import Bbox

    figure = ax.figure
    figure.draw_without_rendering()  # fix the layout first, so the boxes measured are the final ones
    renderer = figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    taken = [] if taken is None else taken
    points = figure.dpi / 72
    left_out = 0
    for x, y, text in zip(xs, ys, texts):
        label = ax.annotate(str(text), (x, y), xytext=positions[0][:2], textcoords="offset points",
                            ha=positions[0][2], va=positions[0][3], fontsize=fontsize, annotation_clip=True, **style)
        label.set_in_layout(False)
        size = label.get_window_extent(renderer)
        width, height = size.width, size.height
        px, py = ax.transData.transform((ax.convert_xunits(x), ax.convert_yunits(y)))  # dates: numbers first
        for dx, dy, ha, va in positions:
            x0 = px + dx * points - {"left": 0, "center": width / 2, "right": width}[ha]
            y0 = py + dy * points - {"bottom": 0, "center": height / 2, "top": height}[va]
            box = Bbox.from_bounds(x0, y0, width, height).expanded(1.04, 1.1)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(other) for other in taken):
                label.set_position((dx, dy))
                label.set_horizontalalignment(ha)
                label.set_verticalalignment(va)
                taken.append(box)
                break
        else:
            label.remove()
            left_out += 1
    return left_out
