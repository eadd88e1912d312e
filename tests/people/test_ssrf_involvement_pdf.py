"""The involvement-record PDF fetches nothing while it is made, like the other PDFs (issue 14,
"also seen"): a URL in the page would otherwise be loaded by the server (SSRF)."""

import pytest

from copro.people import views_data


@pytest.mark.django_db
def test_io_the_involvement_pdf_fetches_no_url(signed_in, monkeypatch):
    asked: list[str] = []
    refuse = views_data.refuse_fetching

    def spy(url, *args, **kwargs):
        asked.append(url)
        return refuse(url)

    monkeypatch.setattr(views_data, "refuse_fetching", spy)
    monkeypatch.setattr(
        views_data,
        "render_to_string",
        lambda *a, **k: (
            '<html lang="en"><body><img src="http://169.254.169.254/x.png" alt="">'
            "<p>Record</p></body></html>"
        ),
    )
    response = signed_in.get("/account/involvement/record.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert asked == ["http://169.254.169.254/x.png"]
