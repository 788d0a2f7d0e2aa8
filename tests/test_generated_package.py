"""The committed generated/ package, imported and exercised as a user would."""

from __future__ import annotations

import dataclasses
import warnings
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.helpers import GENERATED, import_fresh

import_fresh(GENERATED, "example_models")

from example_models import (  # noqa: E402
    Actor,
    DockerSpec,
    GpuType,
    LegacyMachine,
    Machine,
    Session,
    SessionList,
    SessionObject,
    SessionResponse,
    Status,
)
from example_models._runtime import ValidationError, from_wire, to_wire  # noqa: E402

SESSION: dict[str, Any] = {
    "object": "session",
    "id": "sess_1",
    "userId": "user_1",
    "clientId": "client_1",
    "status": "active",
    "lastActiveAt": 1700000000,
    "expireAt": 1700003600,
    "abandonAt": 1700007200,
    "updatedAt": 1700000001,
    "createdAt": 1699999999,
}


def test_session_from_camel_case_wire_dict_and_back() -> None:
    session = Session.from_dict(SESSION)
    assert session.user_id == "user_1"
    assert session.last_active_at == 1700000000
    assert session.status is Status.ACTIVE
    assert session.object is SessionObject.SESSION
    assert session.actor is None  # optional, absent
    assert session.to_dict() == SESSION


def test_optional_actor_round_trips_nested() -> None:
    data = dict(SESSION, actor={"sub": "user_2", "additionalProperties": {"iss": "x"}})
    session = Session.from_dict(data)
    assert session.actor == Actor(sub="user_2", additional_properties={"iss": "x"})
    assert session.to_dict() == data


def test_an_optional_field_sent_as_null_is_written_back_as_null() -> None:
    data = dict(SESSION, actor=None)
    session = Session.from_dict(data)
    assert session.actor is None
    assert session == Session.from_dict(SESSION)
    assert session.to_dict() == data
    assert "actor" not in Session.from_dict(SESSION).to_dict()


def test_status_enum_rejects_unknown_value() -> None:
    with pytest.raises(
        ValidationError,
        match=r"Session\.status: 'sleeping' is not a valid Status: expected one of 'active', ",
    ):
        Session.from_dict(dict(SESSION, status="sleeping"))
    assert [s.value for s in Status][:2] == ["active", "revoked"]


def test_missing_required_field_is_named() -> None:
    data = dict(SESSION)
    del data["clientId"]
    with pytest.raises(ValidationError, match="required field 'clientId' is missing"):
        Session.from_dict(data)
    with pytest.raises(TypeError):
        Session(id="x")  # type: ignore[call-arg]


def test_wrong_type_is_named_with_its_path() -> None:
    with pytest.raises(ValidationError, match=r"Session\.lastActiveAt: expected int, got str"):
        Session.from_dict(dict(SESSION, lastActiveAt="soon"))


def test_unknown_nullability_accepts_null() -> None:
    # PHP docs cannot say whether a required field may be null: real data with null is accepted.
    session = Session.from_dict(dict(SESSION, id=None))
    assert session.id is None
    assert session.to_dict()["id"] is None


RESPONSE: dict[str, Any] = {
    "id": "<id>",
    "sessionId": "<id>",
    "gpuEventId": "<id>",
    "gpu": "<value>",
    "createdAt": "2025-03-31T12:50:52.284Z",
}


def test_session_response_round_trip_with_date_time() -> None:
    response = SessionResponse.from_dict(RESPONSE)
    assert response.created_at == datetime(2025, 3, 31, 12, 50, 52, 284000, tzinfo=UTC)
    assert response.gpu_event_id == "<id>"
    assert response.to_dict() == RESPONSE


def test_deprecated_session_id_warns_when_set_not_when_read() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        response = SessionResponse.from_dict(RESPONSE)
    with pytest.warns(
        DeprecationWarning, match="SessionResponse.session_id is deprecated: This will be removed"
    ):
        response.session_id = "new"
    with pytest.warns(DeprecationWarning):
        SessionResponse(id="a", session_id="b", gpu_event_id="c", gpu="d", created_at=None)
    message = SessionResponse.__dataclass_fields__["session_id"].metadata["deprecated"]
    assert message.startswith("This will be removed in a future release")


MACHINE: dict[str, Any] = {
    "id": "mch_1",
    "kind": "machine",
    "name": "render-box",
    "gpu": "A10G",
    "tags": ["fast"],
    "env": {"REGION": "eu-west-1"},
    "spec": {"image": "comfy:latest", "ports": [8188.0], "labels": {"team": ["a", "b"]}},
    "sessions": [RESPONSE],
    "parent": {
        "id": "mch_0",
        "kind": "machine",
        "name": "base",
        "gpu": "T4",
        "spec": "comfy:1.0",
        "createdAt": "2024-01-01T00:00:00Z",
    },
    "createdAt": "2025-03-31T12:50:52.284Z",
    "size": 39658,
    "enabled": True,
}


def test_nested_lists_maps_unions_literals_and_self_reference() -> None:
    machine = Machine.from_dict(MACHINE)
    assert machine.gpu is GpuType.A10_G
    assert isinstance(machine.spec, DockerSpec) and machine.spec.labels == {"team": ["a", "b"]}
    assert machine.sessions is not None and isinstance(machine.sessions[0], SessionResponse)
    assert (
        isinstance(machine.parent, Machine) and machine.parent.spec == "comfy:1.0"
    )  # the union's string member
    assert machine.to_dict() == MACHINE


def test_literal_field_rejects_other_values() -> None:
    with pytest.raises(ValidationError, match=r"Machine\.kind: expected 'machine'"):
        Machine.from_dict(dict(MACHINE, kind="server"))


def test_union_error_lists_what_each_member_said() -> None:
    with pytest.raises(ValidationError, match="matches no member of the union"):
        Machine.from_dict(dict(MACHINE, spec=42))


def test_list_item_errors_carry_the_index() -> None:
    with pytest.raises(ValidationError, match=r"Machine\.tags\[1\]: expected str, got int"):
        Machine.from_dict(dict(MACHINE, tags=["ok", 3]))


def test_page_of_sessions_with_map_and_union_owner() -> None:
    page = SessionList.from_dict(
        {
            "data": [SESSION],
            "totalCount": 1,
            "byStatus": {"active": 1},
            "owner": "session",
            "fetchedAt": "2025-01-02T03:04:05+02:00",
        }
    )
    assert page.owner is SessionObject.SESSION
    assert page.fetched_at is not None and page.fetched_at.utcoffset() is not None
    assert page.to_dict()["fetchedAt"] == "2025-01-02T03:04:05+02:00"


def test_keyword_and_deprecated_model() -> None:
    legacy = LegacyMachine.from_dict({"id": "x", "from": "y", "type": "z"})
    assert (legacy.from_, legacy.type) == ("y", "z")
    assert legacy.to_dict() == {"id": "x", "from": "y", "type": "z"}
    assert "Deprecated: This will be removed" in (LegacyMachine.__doc__ or "")


def test_models_are_plain_dataclasses_with_keyword_only_fields() -> None:
    assert dataclasses.is_dataclass(Session)
    fields = {f.name: f for f in dataclasses.fields(Session)}
    assert fields["user_id"].kw_only and fields["user_id"].metadata["wire"] == "userId"
    assert "wire" not in fields["id"].metadata


def test_helpers_convert_single_values() -> None:
    assert from_wire(Status, "ended") is Status.ENDED
    assert to_wire([Status.ENDED, datetime(2024, 1, 2, tzinfo=UTC)]) == [
        "ended",
        "2024-01-02T00:00:00Z",
    ]
