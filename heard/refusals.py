"""A service's refusal (a ValidationError) shown on the form that asked: each message beside the
field it names, or at the top of the form when it names no field of this form."""

from django.core.exceptions import ValidationError


def show_refusal(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    for name, messages in error.message_dict.items():
        for message in messages:
            form.add_error(name if name in form.fields else None, message)
