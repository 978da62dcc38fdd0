"""Fonts with Korean, Chinese and Japanese glyphs for matplotlib, found even when its font cache is stale.

matplotlib lists the system's fonts once, in a cache file, and never looks
again: a CJK font installed after that (``apt-get install fonts-noto-cjk``
after ``pip install matplotlib``) stays invisible and every Hangul or Han
character is drawn as an empty box. :func:`find_cjk_font` therefore looks in
matplotlib's list first and, when no CJK font is there, finds the font file
itself (``fc-list`` when present, then the usual font folders of Linux, macOS
and Windows) and registers it with ``fontManager.addfont``. When there is no
such font at all, :func:`warn_no_cjk_font` says once which package to install.

Examples
--------
>>> from asiaai_graph.views.fonts import find_cjk_font
>>> find_cjk_font("ko") is None or "CJK" in find_cjk_font("ko") or find_cjk_font("ko") != ""
True
"""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings
from collections.abc import Iterable
from pathlib import Path

__all__ = ["NO_CJK_FONT", "cjk_font_files", "find_cjk_font", "font_families", "needs_cjk", "no_cjk_font_warned",
           "warn_no_cjk_font"]

NO_CJK_FONT = (
    "no font with Korean, Chinese and Japanese glyphs was found, so those labels show as empty boxes. "
    "Install one and draw again: Debian/Ubuntu 'sudo apt-get install fonts-noto-cjk', "
    "Fedora 'sudo dnf install google-noto-sans-cjk-fonts', Arch 'sudo pacman -S noto-fonts-cjk', "
    "Alpine 'apk add font-noto-cjk'; macOS and Windows have one already. "
    "No font cache needs clearing: the font file is found directly."
)

_REGION = {"ko": "KR", "ja": "JP", "zh": "SC", "zh-Hans": "SC", "zh-Hant": "TC"}
#: Font family names with Hangul, Han and Kana, best first.
_FAMILIES = ("Noto Sans CJK", "Source Han Sans", "Noto Sans KR", "NanumGothic", "Noto Sans SC", "Noto Sans JP",
             "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "IPAGothic", "IPAexGothic",
             "Malgun Gothic", "Apple SD Gothic Neo", "Microsoft YaHei", "PingFang SC", "Hiragino Sans",
             "Yu Gothic", "MS Gothic", "SimHei", "Arial Unicode MS")
#: Font file names (lower case, without suffix) that hold one of those families, best first.
_FILES = ("notosanscjk", "sourcehansans", "notosanskr", "notosanssc", "notosansjp", "nanumgothic", "wqy-zenhei",
          "wqy-microhei", "droidsansfallback", "ipag", "ipaexg", "malgun", "applesdgothicneo", "msyh", "pingfang",
          "hiragino sans", "yugoth", "msgothic", "simhei", "arial unicode")
_SUFFIXES = {".ttf", ".otf", ".ttc"}


def needs_cjk(texts: Iterable[str]) -> bool:
    """Whether any of ``texts`` has a character from the CJK blocks (U+2E80 and up).

    >>> needs_cjk(["Baidu"]), needs_cjk(["바이두"])
    (False, True)
    """
    return any(ord(ch) >= 0x2E80 for t in texts for ch in t)


def _font_dirs() -> list[Path]:
    home = Path.home()
    dirs = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local/share/fonts", home / ".fonts",
            Path("/Library/Fonts"), home / "Library/Fonts", Path("/System/Library/Fonts"),
            Path("/System/Library/AssetsV2")]
    for env, sub in (("WINDIR", "Fonts"), ("LOCALAPPDATA", "Microsoft/Windows/Fonts")):
        if os.environ.get(env):
            dirs.append(Path(os.environ[env]) / sub)
    return [d for d in dirs if d.is_dir()]


def _key(text: str) -> str:
    return text.lower().replace(" ", "").replace("_", "").replace("-", "")


def _rank(path: str) -> tuple[int, int, str]:
    name = _key(Path(path).name)
    family = next((k for k, f in enumerate(_FILES) if _key(f) in name), len(_FILES))
    style = 0 if "regular" in name else 2 if any(w in name for w in ("bold", "black", "heavy", "mono", "serif")) else 1
    return (family, style, path)


def cjk_font_files(lang: str = "ko") -> list[str]:
    """Font files on this machine that hold CJK glyphs, best first (sans-serif, regular weight).

    Asks ``fc-list`` for fonts of ``lang`` when it is installed, then looks for
    known file names in the usual font folders of Linux, macOS and Windows.
    """
    found: set[str] = set()
    fc_list = shutil.which("fc-list")
    if fc_list:
        try:
            done = subprocess.run([fc_list, "-f", "%{file}\n", f":lang={lang.split('-')[0]}"], capture_output=True,
                                  text=True, timeout=20, check=False)
            found.update(line.strip() for line in done.stdout.splitlines()
                         if Path(line.strip()).suffix.lower() in _SUFFIXES)
        except (OSError, subprocess.SubprocessError):
            pass
    for folder in _font_dirs():
        for root, _, files in os.walk(folder):
            for f in files:
                if Path(f).suffix.lower() in _SUFFIXES and any(_key(k) in _key(f) for k in _FILES):
                    found.add(os.path.join(root, f))
    return sorted(found, key=_rank)


def _known_cjk_font(lang: str) -> str | None:
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    preferred = f"Noto Sans CJK {_REGION.get(lang, 'KR')}"
    if preferred in names:
        return preferred
    for family in _FAMILIES:
        for name in sorted(names):
            if name.startswith(family) and "Mono" not in name:
                return name
    return None


_searched: set[str] = set()


def find_cjk_font(lang: str = "ko") -> str | None:
    """The name of a font with Hangul, Han and Kana glyphs that matplotlib can use, or ``None``.

    Prefers the regional variant of Noto Sans CJK for ``lang`` (``ko`` -> KR,
    ``zh`` -> SC, ``ja`` -> JP). A font missing from matplotlib's font cache is
    found on disk and registered, once per process.

    >>> from asiaai_graph.views.fonts import find_cjk_font
    >>> find_cjk_font("ko") in (None, "Noto Sans CJK KR") or find_cjk_font("ko") is not None
    True
    """
    name = _known_cjk_font(lang)
    if name is not None or lang in _searched:
        return name
    _searched.add(lang)
    from matplotlib import font_manager

    files = cjk_font_files(lang)
    for path in files:
        try:
            font_manager.fontManager.addfont(path)
        except (OSError, RuntimeError, ValueError):  # unreadable or not a font matplotlib can read
            continue
        name = _known_cjk_font(lang)
        if name is not None:
            for other in files:  # the same family's other weights, for bold titles
                if other != path and _rank(other)[0] == _rank(path)[0]:
                    try:
                        font_manager.fontManager.addfont(other)
                    except (OSError, RuntimeError, ValueError):
                        pass
            return name
    return None


_warned = False


def warn_no_cjk_font() -> None:
    """Warn, once per process, that CJK text will show as boxes, and which package to install."""
    global _warned
    if not _warned:
        _warned = True
        warnings.warn(NO_CJK_FONT, UserWarning, stacklevel=3)


def no_cjk_font_warned() -> bool:
    """Whether :func:`warn_no_cjk_font` has warned in this process."""
    return _warned


def font_families(lang: str, texts: Iterable[str]) -> list[str]:
    """The font families to draw ``texts`` in: DejaVu Sans, with a CJK font first when they need one."""
    if not needs_cjk(texts):
        return ["DejaVu Sans"]
    font = find_cjk_font(lang)
    if font is None:
        warn_no_cjk_font()
        return ["DejaVu Sans"]
    return [font, "DejaVu Sans"]
