"""Members log in with their password and land on the home page; logging out ends the session."""

from django.urls import reverse
from factories import PASSWORD


def test_a_member_logs_in_and_lands_on_the_home_page(client, may):
    response = client.post(reverse("login"), {"username": "may", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.get("/").status_code == 200


def test_a_wrong_password_is_refused_with_a_message(client, may):
    response = client.post(reverse("login"), {"username": "may", "password": "guess"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()
    assert client.get("/").status_code == 302


def test_after_logging_in_the_member_goes_where_they_were_going(client, may, ours):
    url = reverse("people:detail", args=[ours.rosa.pk])
    response = client.post(reverse("login"), {"username": "may", "password": PASSWORD, "next": url})
    assert response["Location"] == url


def test_logging_out_ends_the_session(may_client):
    response = may_client.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert may_client.get("/").status_code == 302
