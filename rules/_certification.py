"""Shared helpers of the certification string and response rules.

Scoping follows Microsoft's validator as the corpus census measured it (corpus-census.md §6b):
operation `summary`/`description` are required on operations that are not `x-ms-visibility:
internal`; parameter `x-ms-summary`/`description` on parameters that are neither `in: body` nor
internal, of operations that are not internal.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from ._api import Operation, ReplaceInString, RuleContext
from ._openapi import follow_ref, is_internal, operations, parameters
from ._text import acronyms, split_camel

SUCCESS = re.compile(r"2\d\d$")


def blank(value: Any) -> bool:
    return isinstance(value, str) and not value.strip()


def param_in_scope(param: dict) -> bool:
    """A parameter whose x-ms-summary and description the validator requires (its operation visible)."""
    return param.get("in") != "body" and not is_internal(param)


def owned_parameters(ctx: RuleContext, op: Operation, visible_only: bool = True) -> Iterator[tuple[str, dict]]:
    """The parameters an operation reports on: each parameter object once per lint, by the first
    operation (in document order) that uses it. A path item's or a shared `#/parameters` entry is
    seen by several operations; reporting it from each would repeat one finding at one place.
    With `visible_only`, internal operations own nothing."""
    if visible_only and is_internal(op.value):
        return
    owners = ctx.derived(("certification.param-owners", visible_only), lambda c: _owners(c, visible_only))
    for ptr, param in parameters(ctx.swagger, op):
        if owners.get(ptr) == op.pointer:
            yield ptr, param


def _owners(ctx: RuleContext, visible_only: bool) -> dict[str, str]:
    owners: dict[str, str] = {}
    for op_pointer, internal, params in _parameter_uses(ctx):
        if not (visible_only and internal):
            for ptr, _ in params:
                owners.setdefault(ptr, op_pointer)
    return owners


def required_strings(ctx: RuleContext) -> frozenset[str]:
    """Pointers of the strings the `*-required` rules require (an empty one is their finding, not
    empty-property's: removing it would make it missing)."""
    def build():
        out = {"/info/title", "/info/description"}
        for op_pointer, internal, params in _parameter_uses(ctx):
            if not internal:
                out |= {f"{op_pointer}/summary", f"{op_pointer}/description"}
                for ptr, param in params:
                    if param_in_scope(param):
                        out |= {f"{ptr}/x-ms-summary", f"{ptr}/description"}
        return frozenset(out)
    return ctx.cached("certification.required-strings", build)


def _parameter_uses(ctx: RuleContext) -> list[tuple[str, bool, list[tuple[str, dict]]]]:
    """(pointer, whether internal, `_openapi.parameters`) of each operation, in document order,
    once per lint; in the language server a path item's walk is kept while it is unchanged
    (`RuleContext.per_value`), and only its `$ref`s are followed again."""
    def build():
        swagger = ctx.swagger
        out = []
        for op in operations(ctx):
            walked = ctx.per_value(("certification.parameters", op.pointer), op.path_item,
                                   lambda item, op=op: _own_parameters(op))
            params = []
            for ptr, ref, param in walked[1]:
                if ref is not None:
                    ptr, param = follow_ref(swagger, ref, ptr, param)
                if isinstance(param, dict):
                    params.append((ptr, param))
            out.append((op.pointer, walked[0], params))
        return out
    return ctx.cached("certification.parameter-uses", build)


def _own_parameters(op: Operation) -> tuple[bool, list[tuple[str, str | None, Any]]]:
    """Whether `op` is internal, and (pointer, `$ref` or None, parameter) of each parameter in its
    and its path item's lists, as `_openapi.parameters` walks them, before following references."""
    out = []
    for base, params in ((op.pointer, op.value.get("parameters")),
                         (op.pointer[:op.pointer.rfind("/")], op.path_item.get("parameters"))):
        if not isinstance(params, list):
            continue
        for index, param in enumerate(params):
            ref = param.get("$ref") if isinstance(param, dict) else None
            out.append((f"{base}/parameters/{index}", ref if isinstance(ref, str) else None, param))
    return is_internal(op.value), out


def success_responses(ctx: RuleContext, op: Operation) -> Iterator[tuple[str, str, dict]]:
    """(code, pointer, response) of each 2xx response; a `$ref` to `#/responses` is followed."""
    responses = op.value.get("responses")
    if not isinstance(responses, dict):
        return
    for code, response in responses.items():
        if SUCCESS.match(str(code)):
            ptr = f"{op.pointer}/responses/{code}"
            if isinstance(response, dict) and isinstance(response.get("$ref"), str):
                ptr, response = follow_ref(ctx.swagger, response["$ref"], ptr, response)
            if isinstance(response, dict):
                yield str(code), ptr, response


def reports_response(ctx: RuleContext, op: Operation, ptr: str) -> bool:
    """Whether `op` reports on the success response at `ptr`: always for its own, and for a shared
    `#/responses` entry only when it is the first visible operation that uses it."""
    if ptr.startswith(op.pointer + "/"):
        return True
    def build():
        owners: dict[str, str] = {}
        for other in operations(ctx):
            if not is_internal(other.value):
                for _, shared, _ in success_responses(ctx, other):
                    owners.setdefault(shared, other.pointer)
        return owners
    return ctx.cached("certification.response-owners", build).get(ptr) == op.pointer


def replace(ptr: str, old: str, new: str) -> ReplaceInString:
    """The smallest ReplaceInString that turns `old` into `new`."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old, end_new = end_old - 1, end_new - 1
    return ReplaceInString(ptr, start, end_old, new[start:end_new])


def display_name(name: str) -> str:
    """A parameter name as a Title Case label: taskId -> "Task ID", due_date -> "Due Date"."""
    out = []
    for chunk in re.split(r"[\W_]+", name):
        for _, _, part in split_camel(chunk) or [(0, 0, chunk)]:
            if part:
                out.append(acronyms().get(part.lower()) or part[:1].upper() + part[1:])
    return " ".join(out)


VERBS = frozenset("""add append approve archive assign attach call cancel change check close compress
connect convert copy create delete detect disable download edit enable execute export extract fetch filter
find format generate get import insert invite list lock lookup merge modify move open parse patch perform
post publish put query read register reject remove rename replace request reset resend retrieve return
rotate run save schedule search select send set share sign sort split start stop submit subscribe sync
translate unlock unsubscribe update upload upsert validate verify wait""".split())


def sentence(summary: str) -> str | None:
    """A first description from a summary that starts with a common verb: "Get a task" ->
    "Gets a task." (a guess for a suggestion; None for any other summary)."""
    words = summary.strip().rstrip(".!?:;,").split()
    if not words or words[0].lower() not in VERBS:
        return None
    verb = words[0]
    if re.search(r"(?:s|x|z|ch|sh)$", verb, re.I):
        verb += "es"
    elif re.search(r"[^aeiou]y$", verb, re.I):
        verb = verb[:-1] + "ies"
    else:
        verb += "s"
    return " ".join([verb[:1].upper() + verb[1:], *words[1:]]) + "."


def trailing(summary: str) -> str:
    """The characters at the end of a summary that summary-trailing-punctuation trims: anything
    after the last letter, digit or closing parenthesis ("(deprecated)" is the documented marker)."""
    end = len(summary)
    while end and not (summary[end - 1].isalnum() or summary[end - 1] == ")"):
        end -= 1
    return summary[end:]


def normalised(text: str) -> str:
    """For comparing two strings: lower case, single spaces, no surrounding punctuation."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())
