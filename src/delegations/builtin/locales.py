"""Built-in languages: Vietnamese (default), Lao and English."""

from .. import hookimpl
from ..domain import Text
from ..registry import LocaleInfo

LOCALES = (
    LocaleInfo("vi", Text.of(vi="Tiếng Việt", lo="ພາສາຫວຽດນາມ", en="Vietnamese")),
    LocaleInfo("lo", Text.of(vi="Tiếng Lào", lo="ພາສາລາວ", en="Lao")),
    LocaleInfo("en", Text.of(vi="Tiếng Anh", lo="ພາສາອັງກິດ", en="English")),
)


@hookimpl
def register_locales(register):
    for info in LOCALES:
        register(info)
