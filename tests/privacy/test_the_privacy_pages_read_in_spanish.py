from django.urls import reverse
from spanish import get_in_spanish

from heard.privacy.models import Action, AuditEvent


def test_the_audit_log_and_a_persons_data_speak_spanish(ada_client, ada, ours):
    AuditEvent.objects.create(organization=ada.organization, action=Action.VIEWED)

    audit = get_in_spanish(ada_client, reverse("privacy:audit")).content.decode()
    rights = get_in_spanish(ada_client, reverse("privacy:person", args=[ours.rosa.pk]))

    assert "<h1>Registro de actividad</h1>" in audit and "<h1>Audit log</h1>" not in audit
    assert "<td>Vio</td>" in audit
    assert "Borrar a esta persona" in rights.content.decode()
    assert "Erase this person" not in rights.content.decode()
