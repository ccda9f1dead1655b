"""The plugin's own tests, with the helper the program ships (delegations.testing):
a planner with this plugin, the built-in ones and a temporary database holding the
sample plan. Run them with `pytest` from this folder, in the program's environment."""

import csv

from delegations import i18n
from delegations.testing import export, planner_with

import delegations_champasak as plugin


def test_the_partner_and_the_cost_model_are_registered():
    with planner_with(plugin) as planner:  # raises if the plugin failed or conflicts
        assert planner.registry.partners["champasak"].short_name.get("lo") == "ສະຫະພັນກຳມະບານແຂວງຈຳປາສັກ"
        assert planner.registry.owners[("cost_models", "host_pays_all")] == "delegations_champasak"


def test_a_delegation_to_champasak_gets_the_host_pays_all_lines():
    with planner_with(plugin) as planner:
        d = planner.delegations()[0].evolve(partner="champasak", cost_lines=())
        lines = planner.proposed_cost_lines(d)
        host = d.host(planner.home().code)
        assert [(c.item, c.payer) for c in lines] == [("board_lodging", host), ("transport", host)]


def test_the_csv_export_has_one_row_per_delegation(tmp_path):
    with planner_with(plugin) as planner:
        path = export(planner, "csv", tmp_path, lang="vi-lo")
        rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
        assert path.suffix == ".csv"
        assert rows[0][:2] == ["seq", "direction"]
        assert len(rows) == 1 + len(planner.delegations())
        assert rows[1][3] == planner.delegations()[0].name.get("vi")


def test_the_warning_is_translated_from_the_plugins_own_catalog():
    with planner_with(plugin) as planner:
        d = planner.delegations()[0].evolve(partner="champasak", members=16)
        [problem] = [p for p in planner.validation(d).all_problems() if p.field == "members"]
        assert i18n.describe(problem) == "Một đoàn sang Champasak có tối đa 15 thành viên."
        assert problem.render(i18n.translator("lo").gettext) == "ຄະນະທີ່ໄປແຂວງຈຳປາສັກມີສະມາຊິກບໍ່ເກີນ 15 ຄົນ."
