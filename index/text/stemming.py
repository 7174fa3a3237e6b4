"""Light stemming of case-folded English and Hindi words."""

from __future__ import annotations

from functools import lru_cache

# Light stemming (after Ramanathan & Rao for Hindi): inflections only, longest suffix first, so
# "commissioning"/"commissioned" and "यात्राओं"/"यात्रा" meet. Over-stemming only widens a match.
_EN_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "ed", "es", "er", "ly", "s", "e")
_HI_SUFFIXES = tuple(
    sorted(
        """ाएंगी ाएंगे ूंगी ूंगा ियों ियां ाओं ाएं ुओं ुएं ाने ाना ाती ाते ीं ों ें ां ाँ ियाँ िया ीय ा ि ी ु ू े ै ो ौ""".split(),
        key=len,
        reverse=True,
    )
)


_IRREGULAR = dict(
    pair.split(":")
    for pair in """met:meet laid:lay said:say made:make held:hold took:take taken:take gave:give given:give
    led:lead won:win paid:pay went:go gone:go came:come told:tell sent:send left:leave began:begin
    begun:begin brought:bring thought:think spoke:speak spoken:speak wrote:write written:write chose:choose
    chosen:choose bought:buy sold:sell fought:fight felt:feel kept:keep knew:know known:know saw:see seen:see
    found:find stood:stand understood:understand built:build spent:spend struck:strike drew:draw drawn:draw
    grew:grow grown:grow rose:rise risen:rise fell:fall fallen:fall ran:run sat:sit wore:wear flew:fly
    flown:fly shot:shoot lost:lose meant:mean heard:hear""".split()
)


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """A light stem of a case-folded token, English or Hindi; short tokens are returned as they are."""
    if token in _IRREGULAR:
        return _IRREGULAR[token]
    if token.isascii():
        if not token.isalpha() or len(token) <= 4:
            return token
        for suffix in _EN_SUFFIXES:
            if token.endswith(suffix) and len(token) - len(suffix) >= 4:
                return token[: -len(suffix)]
        # "hoped" -> "hope" (as "hope" stays "hope"): the "e" was the word's own.
        return token[:-1] if token.endswith("ed") else token
    for suffix in _HI_SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 2:
            return token[: -len(suffix)]
    return token
