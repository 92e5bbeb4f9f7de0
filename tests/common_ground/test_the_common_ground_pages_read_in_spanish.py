from spanish import get_in_spanish


def test_common_ground_speaks_spanish_to_a_spanish_browser(ours, may_client, tenure, heard_across):
    campaign = ours.campaign

    page = get_in_spanish(
        may_client, f"/common-ground/campaign/{campaign.pk}/?divide={tenure.divide.pk}"
    ).content.decode()
    lens = get_in_spanish(may_client, f"/common-ground/campaign/{campaign.pk}/kindliness/")
    divides = get_in_spanish(may_client, "/common-ground/divides/").content.decode()

    assert "<h1>Terreno común</h1>" in page and "<h1>Common ground</h1>" not in page
    assert "Preocupación de un lado" in page and "One side's concern" not in page
    assert "We wear coats indoors." in page  # neighbours' words stay as they were said
    assert "A quién llegan nuestras actividades" in lens.content.decode()
    assert "Who our activities reach" not in lens.content.decode()
    assert "Nuestras divisiones" in divides and "Our divides" not in divides


def test_common_ground_stays_english_by_default(ours, may_client, tenure, heard_across):
    page = may_client.get(f"/common-ground/campaign/{ours.campaign.pk}/").content.decode()

    assert "<h1>Common ground</h1>" in page and "Terreno común" not in page
