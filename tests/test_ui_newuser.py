"""What a new user found in the daily tool (issues 15 and 17): the plans screen after
a rename, typing into a filled field, errors that follow the corrections, messages
that leave the totals and buttons free, the export and plugins screens, the budget's
years and exchange rates, date warnings in the table."""

from __future__ import annotations

from delegations.store.storage import dumps


def test_a_save_encodes_again_only_the_records_that_changed_even_in_place():
    data = {"delegations": {str(i): {"seq": i, "name": {"vi": f"Đoàn {i}"}} for i in range(1, 4)}, "settings": {}}
    lines: dict = {}
    assert dumps(data, lines) == dumps(data)
    data["delegations"]["2"]["name"]["vi"] = "Đoàn mới"   # changed in place, as TinyDB does
    data["delegations"]["3"] = {"seq": 3, "members": 5}
    assert dumps(data, lines) == dumps(data)
    assert '"Đoàn mới"' in dumps(data, lines)
