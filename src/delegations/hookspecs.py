"""Every hook a ``delegations`` plugin can implement. Each docstring is the hook's documentation.

A plugin is a module (or any object) with functions named after these hooks,
decorated with ``@hookimpl``. Import what hooks receive and register from
``delegations.api``, the stable public API::

    from delegations.api import hookimpl, Organisation, Text

    @hookimpl
    def register_partners(register):
        ...

The ``register_*`` hooks are called once when the plugin manager is built; they
receive a ``register`` callable and call it once per thing they add:
``register(obj)``. When two plugins register the same code, the earlier in the
load order is kept and the conflict is reported naming both;
``register(obj, replace=True)`` replaces an earlier registration on purpose
(``delegations plugins`` shows it). Built-in
behaviour is registered through the same hooks (``delegations.builtin``), so a
plugin can do anything a built-in one does.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("delegations")


@hookspec
def register_partners(register):
    """Add partner organisations (a province's union federation) to the planner.

    Call ``register(Organisation(...))`` for each partner. ``code`` is the key
    stored in delegations and must be unique across all plugins (two plugins
    giving the same code are reported as a conflict). Give ``name``,
    ``short_name`` and ``province`` as ``Text.of(vi=..., lo=..., en=...)``, the
    ``country`` as an ISO 3166 code, and the ``default_cost_model`` code::

        @hookimpl
        def register_partners(register):
            register(Organisation(
                code="savannakhet", country="LA",
                name=Text.of(vi="Liên hiệp Công đoàn tỉnh Savannakhet", lo="...", en="..."),
                short_name=Text.of(vi="LHCĐ tỉnh Savannakhet", ...),
                province=Text.of(vi="tỉnh Savannakhet", lo="ແຂວງສະຫວັນນະເຂດ", en="Savannakhet Province"),
            ))
    """


@hookspec
def register_cost_items(register):
    """Add cost items and funding sources that cost-sharing lines can name.

    Call ``register(CostItem(code, label))`` for a cost item ("board_lodging",
    label ``Text.of(vi="chi phí ăn, nghỉ", ...)``) and
    ``register(FundingSource(code, label))`` for a source of money
    ("union_budget", "nguồn ngân sách công đoàn"). Labels are what documents
    print, per language::

        @hookimpl
        def register_cost_items(register):
            register(CostItem("interpreting", Text.of(vi="chi phí phiên dịch", en="interpreting")))
    """


@hookspec
def register_cost_models(register):
    """Add cost models: rules that say who pays what for a delegation, and what it costs.

    Call ``register(model)`` with an object that has ``code`` (str), ``label``
    (``Text``) and ``cost_lines(delegation, home, partner) -> tuple[CostLine, ...]``
    that proposes the cost-sharing lines for a delegation (the officer may
    override any of them). It may also have ``estimate(delegation, home, table)
    -> list[BudgetLine]``, which prices the delegation with a rate table for
    ``delegations budget``; ``budget.estimate`` does the arithmetic
    (quantity × rate, payers from the cost lines) for the rows you choose.
    Without it, the model's budget prices the cost items its lines name::

        class HostPaysAll:
            code = "host_pays_all"
            label = Text.of(vi="Bên đón tiếp chịu toàn bộ", en="Host pays everything")

            def cost_lines(self, delegation, home, partner):
                host = delegation.host(home.code)
                return (CostLine("board_lodging", host), CostLine("transport", host))

            def estimate(self, delegation, home, table):
                return budget.estimate(delegation, table, home.code, include=lambda rate: rate.cap)

        @hookimpl
        def register_cost_models(register):
            register(HostPaysAll())
    """


@hookspec
def register_rate_tables(register):
    """Add rate tables: unit costs with their legal source and the dates they are valid for.

    Call ``register(table)`` with a ``RateTable``; write the table as a JSON
    file next to your plugin and read it with ``load_table`` (the plugin guide
    shows the format; ``delegations where`` shows where the guide is). ``direction`` is "inbound" (receiving a
    delegation at home) or "outbound" (a trip abroad); the budget uses the table
    of the delegation's direction in force on the plan's date. Mark figures you
    could not check against the official text ``"verified": false``::

        @hookimpl
        def register_rate_tables(register):
            register(load_table(Path(__file__).parent / "champasak-rates.json"))
    """


@hookspec
def register_locales(register):
    """Add languages for the interface and the documents, or translations of the plugin's own messages.

    Call ``register(LocaleInfo(code, name, catalog_dir=None))`` for a new
    language. ``code`` is a Babel locale code ("th"); ``catalog_dir`` a folder
    holding ``<code>/LC_MESSAGES/delegations.mo`` (omit it to use the built-in
    catalogs). Call ``register(MessageCatalog(domain, directory))`` for your own
    messages in your own gettext domain (``<directory>/<lang>/LC_MESSAGES/<domain>.mo``):
    a ``Problem`` message marked ``N_`` and ``translate(message, lang)`` then find
    them. A catalog that cannot be read is reported naming the plugin and file::

        @hookimpl
        def register_locales(register):
            register(LocaleInfo("th", Text.of(vi="Tiếng Thái", en="Thai"), catalog_dir=Path(__file__).parent / "locales"))
            register(MessageCatalog("champasak", Path(__file__).parent / "locales"))
    """


@hookspec
def register_exporters(register):
    """Add document formats for ``delegations export --format NAME``.

    Call ``register(exporter)`` with an object that has ``format`` (str, e.g.
    "pdf"), ``suffix`` (".pdf"), ``label`` (``Text``) and
    ``export(request) -> bytes``, where ``request`` is an ``ExportRequest``
    holding the plan, the chosen delegations, the language (``request.lang``,
    "vi-lo" for a bilingual document; ``request.languages`` is ["vi", "lo"]) and
    the registry. The export screen shows the ``label``. A format that already
    exists (the built-in "pdf" included) is a conflict and the earlier one is
    kept; ``register(exporter, replace=True)`` replaces it, and ``delegations
    plugins`` says so. An exception raised by ``export`` is reported naming the
    plugin, and no file is written::

        class CsvExporter:
            format, suffix = "csv", ".csv"
            label = Text.of(vi="Bảng CSV", en="CSV table")

            def export(self, request):
                lang = request.languages[0]
                rows = [f"{d.seq},{d.name.get(lang)}" for d in request.delegations]
                return "\\n".join(rows).encode("utf-8")

        @hookimpl
        def register_exporters(register):
            register(CsvExporter())

    A delegation's document (proposal, decision, invitation, programme, roster,
    report, or a new kind) is an exporter with ``document = True``: its
    ``format`` is the kind (``export --document KIND --seq N``) and
    ``request.delegation`` is the delegation. ``api.document_model(request, kind)``
    gives the built-in ``OfficialDocument`` to change, ``api.official_pdf(request,
    model)`` lays one out in the national format; register with ``replace=True``
    to replace a built-in template.
    """


@hookspec
def validate_delegation(delegation, plan, registry):
    """Check one delegation beyond the core rules; return a list of ``Problem`` (or None).

    Called for every delegation that is validated or about to be saved. A
    problem with ``severity="error"`` stops the save; ``"warning"`` is shown but
    allowed. Validation fails closed: a hook that raises, or returns anything
    but ``None`` or a list of ``Problem`` (whose message can be shown with its
    parameters), also stops the save, and is named by ``validate`` (exit 4),
    ``plugins`` and the terminal UI. Messages are translated when shown, so mark them with ``N_``::

        @hookimpl
        def validate_delegation(delegation, plan, registry):
            if delegation.members > 20:
                return [Problem("members", N_("More than {n} members needs approval."), {"n": 20}, "warning")]
    """


@hookspec
def validate_plan(plan, delegations, registry):
    """Check a whole plan (header and its delegations together); return a list of ``Problem`` or None.

    Like ``validate_delegation`` it fails closed: raising or returning something
    else stops saving the plan header and is reported with the plugin's name::

        @hookimpl
        def validate_plan(plan, delegations, registry):
            if not plan.recipients:
                return [Problem("recipients", N_("The plan has no recipients."), severity="warning")]
    """


@hookspec
def validate_schedule(delegation, plan, others, own_dates, registry):
    """Check a delegation's dates against the calendar; return a list of ``Problem`` or None.

    Called after ``validate_delegation`` whenever a delegation is validated or about to
    be saved, with ``others``, the plan's other delegations (without this one; a long
    plan's are read as you go through them), and ``own_dates``, the dates the officer
    added (``Occasion``: ``name``, ``start``, ``end``). ``api.public_holidays(years)``
    gives the public holidays of Vietnam and Laos as ``Occasion`` too (``country`` "VN"
    or "LA"). The built-in plugin ``calendar_checks`` warns here about holidays, the
    officer's dates, two visits at once and a leader in two places;
    ``DELEGATIONS_DISABLE_PLUGINS=calendar_checks`` turns it off. It fails closed like
    ``validate_delegation``::

        @hookimpl
        def validate_schedule(delegation, plan, others, own_dates, registry):
            start = delegation.timing.start
            if start is None:
                return None
            close = [o.seq for o in others if o.partner == delegation.partner and o.timing.start
                     and abs((o.timing.start - start).days) < 30]
            if close:
                return [Problem("timing", N_("Another visit with the same partner within 30 days: {seqs}."),
                                {"seqs": ", ".join(map(str, close))}, "warning")]
    """
