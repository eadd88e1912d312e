"""The PostgreSQL tools get the password through PGPASSWORD, never on their command line
(where `ps` and process logs would show it)."""

from copro.ops.engines import _pg_connection_args


def test_password_goes_in_the_environment_not_the_arguments():
    args, env = _pg_connection_args(
        {
            "NAME": "copro",
            "USER": "copro",
            "PASSWORD": "canary-password-4711",
            "HOST": "db.internal",
            "PORT": 5432,
            "OPTIONS": {"sslmode": "require"},
        }
    )
    assert not any("canary-password-4711" in arg for arg in args)
    assert env["PGPASSWORD"] == "canary-password-4711"
    assert env["PGSSLMODE"] == "require"
    assert args == [
        "--no-password",
        "--host",
        "db.internal",
        "--port",
        "5432",
        "--username",
        "copro",
        "--dbname",
        "copro",
    ]
