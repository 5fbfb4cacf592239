# pydeb's PEP 517 hook driver, run by the isolated build environment's interpreter with the
# sdist's extracted tree as the working directory (as pyproject_hooks' _in_process.py is):
#   python build_hook.py HOOK BACKEND RESULT_FILE WHEEL_DIRECTORY [BACKEND_PATH...]
# HOOK is get_requires_for_build_wheel, build_wheel, or get_requires_then_build_wheel: both in
# one process (one import of the backend, the better part of a second for setuptools), the
# requirements written to RESULT_FILE.requires; pydeb keeps that wheel only when the environment
# already held every requirement returned, which is the environment PEP 517 asks build_wheel to
# run in, and otherwise builds again from a fresh tree with them installed. The hook's return value
# is written to RESULT_FILE (one requirement a line; the wheel's file name), so that whatever the
# backend prints cannot be mistaken for it. A backend that cannot be imported exits 3, its last
# stderr line the import error (pyproject_hooks' BackendUnavailable).
import importlib
import os
import sys


def load_backend(spec, backend_path):
    # PEP 517: backend-path entries are relative to the project root and come first on
    # sys.path; a backend loaded from there must really be one of them.
    roots = [os.path.abspath(p) for p in backend_path]
    sys.path[:0] = roots
    module_name, _, object_path = spec.partition(":")
    try:
        backend = importlib.import_module(module_name)
    except ImportError as error:
        sys.stderr.write("%s: %s\n" % (type(error).__name__, error))
        sys.exit(3)
    if roots:
        origin = os.path.abspath(getattr(backend, "__file__", "") or "")
        if not any(origin.startswith(root + os.sep) for root in roots):
            sys.exit("build backend %s is not inside its backend-path %s" % (spec, roots))
    for name in object_path.split(".") if object_path else []:
        backend = getattr(backend, name)
    return backend


def main():
    hook, spec, result_file, wheel_directory = sys.argv[1:5]
    # The driver's own directory is not the project's: the backend sees the project, as
    # under pip (the working directory first on sys.path, as `python -c` has it).
    sys.path[0] = ""
    backend = load_backend(spec, sys.argv[5:])
    if hook in ("get_requires_for_build_wheel", "get_requires_then_build_wheel"):
        function = getattr(backend, "get_requires_for_build_wheel", None)
        # PEP 517: optional, and [] when the backend does not define it.
        result = "".join(r + "\n" for r in (function(None) if function is not None else []))
        if hook == "get_requires_then_build_wheel":
            with open(result_file + ".requires", "w", encoding="utf-8") as out:
                out.write(result)
            result = backend.build_wheel(wheel_directory, None, None)
    elif hook == "build_wheel":
        result = backend.build_wheel(wheel_directory, None, None)
    else:
        sys.exit("unknown hook " + hook)
    with open(result_file, "w", encoding="utf-8") as out:
        out.write(result)


main()
