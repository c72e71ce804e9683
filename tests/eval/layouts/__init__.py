"""One module per layout of the evaluation set; each has `url(doc)` and `render(doc)`."""

from __future__ import annotations

from types import ModuleType

from layouts import (
    archive,
    blind,
    eleventh,
    fifteenth,
    final,
    fourteenth,
    fresh,
    fx361,
    gbk,
    later,
    library,
    mobile,
    new,
    next,
    ninth,
    portal,
    seventeenth,
    sixteenth,
    table,
    tenth,
    thirteenth,
    trad,
    twelfth,
    unseen,
)

LAYOUT_MODULES: dict[str, ModuleType] = {
    "fx361": fx361,
    "fx361-mobile": mobile,
    "copy-trad": trad,
    "copy-gbk": gbk,
    "copy-table": table,
    "copy-portal": portal,
    "copy-archive": archive,
    "copy-library": library,
    "copy-unseen": unseen,
    "copy-blind": blind,
    "copy-fresh": fresh,
    "copy-new": new,
    "copy-next": next,
    "copy-later": later,
    "copy-final": final,
    "copy-ninth": ninth,
    "copy-tenth": tenth,
    "copy-eleventh": eleventh,
    "copy-twelfth": twelfth,
    "copy-thirteenth": thirteenth,
    "copy-fourteenth": fourteenth,
    "copy-fifteenth": fifteenth,
    "copy-sixteenth": sixteenth,
    "copy-seventeenth": seventeenth,
}
