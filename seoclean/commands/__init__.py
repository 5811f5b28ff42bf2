"""One module per subcommand, each with ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(args) -> int``. ``seoclean.cli`` only wires them; the work lives in the public API."""

# Order is the order of `seoclean --help`.
COMMAND_MODULES = ("check", "scan", "clean", "rules", "explain", "train", "evaluate")
