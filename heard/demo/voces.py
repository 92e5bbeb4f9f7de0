"""Lo que anotan Marisol y Luis en español: fragments for notes written in Spanish.

Same slots as `voices.py`, with Spanish ones: {el} / {El} (ella/él), {o} (the gender ending:
"preocupad{o}"), {pariente} ("su esposo"), {hijo} ("hija", "nieto"...), {hijos} ("tres
niños"), {mes} (a month before the conversation), {trabajo}, {origen}.
"""

ISSUE_WORDS_ES: dict[str, tuple[str, ...]] = {
    "housing": ("la renta", "vivienda", "el dueño", "la casa", "las reparaciones"),
    "wages": ("el trabajo", "los salarios", "que no le pagan", "los pagos", "las horas"),
    "transit": ("el camión", "transporte", "cómo moverse"),
    "schools": ("la escuela", "las escuelas", "los niños en la escuela"),
    "safety": ("seguridad", "las luces de la calle", "los carros que pasan rápido"),
    "immigration": ("inmigración", "los papeles", "la migra", "miedo a la policía"),
    "health": ("salud", "la clínica", "seguro médico", "las medicinas"),
    "parks": ("el parque", "un lugar para los niños"),
    "utilities": ("el agua", "la luz", "los biles", "el bill del agua"),
    "childcare": ("guardería", "quién cuide a los niños"),
}

ISSUE_LISTS_ES = {
    1: ("{A}.", "Nada más {a}.", "{A}, es lo único que le preocupa.", "Sobre todo {a}."),
    2: (
        "{A} y {b}.",
        "{A}, luego {b}.",
        "Primero {a}, después {b}.",
        "{A} / {b}",
        "{A}. También mencionó {b}.",
        "{A} y también {b}.",
    ),
    3: (
        "{A}, {b} y {c}.",
        "{A}. {B}. {C}.",
        "Primero {a}; luego {b} y {c}.",
        "{A} sobre todo, pero también {b} y {c}.",
        "{A}/{b}/{c}",
        "Dijo que todo está conectado: {a}, {b}, {c}.",
    ),
}

PROBLEM_ES: dict[str, dict[str, tuple[str, ...]]] = {
    "immigration": {
        "*": (
            "Tiene miedo de llamar a la policía por su estatus. Cuando le robaron la troca en "
            "{mes} no reportó nada.",
            "Detuvieron a su primo en {street} en {mes} por una luz quebrada. Lo deportaron en "
            "{n} semanas.",
            "Tiene una carpeta junto a la puerta con las actas de nacimiento de los niños, por "
            "si acaso.",
            "Ya no salen todos juntos; {pariente} no tiene papeles y los niños sí.",
            "Le pagó $2,000 a un notario que nunca metió los papeles.",
            "Dejó de ir a misa un tiempo cuando corrió el rumor de la migra en la Tri-State.",
            "No quiere pedir WIC para el bebé, tiene miedo de que le afecte después.",
            "Dice que los niños preguntan qué pasa si no regresa del trabajo. No sabe qué "
            "contestarles.",
            "Ya no maneja, nada más al trabajo y de regreso. Tiene miedo de los retenes.",
        ),
    },
    "wages": {
        "*": (
            "El patrón le debe ${owed} de {n} semanas de trabajo. Siempre dice 'el viernes'.",
            "En la Tri-State les quitaron los descansos para ir al baño. La línea va cada vez "
            "más rápido.",
            "Trabaja {hrs} horas y no le pagan overtime. No reclama por miedo.",
            "Se lastimó la mano en el trabajo en {mes} y la compañía dijo que no era su problema.",
            "Gana {wage} la hora. Con la renta y la comida no alcanza.",
            "Trabaja {trabajo}. Cuando no hay trabajo no hay pago, y este verano hubo poco.",
            "Le cambiaron el turno sin avisar y perdió quién le cuidara a los niños.",
        ),
    },
    "housing": {
        "*": (
            "Le subieron la renta {rise} en {mes}, sin contrato y sin arreglar nada.",
            "Viven dos familias en una casa de dos cuartos, {n} personas en total.",
            "El dueño ({dueno}) dijo que si se quejan con la ciudad va a 'hacer unas llamadas'.",
            "La casa se inunda cada vez que llueve fuerte. La alfombra huele a humedad desde "
            "{mes}.",
            "No sirve la estufa desde {mes}; cocina en una parrilla eléctrica.",
            "Paga {rent} al mes en efectivo y el dueño no da recibos.",
            "El dueño entra sin avisar 'a revisar'. Dice que no siente que es su casa.",
        ),
        "pine_haven": (
            "La renta del lote subió a {lot} desde que llegó la compañía nueva (Sunbelt).",
            "Le pusieron una multa de $75 por la bodeguita que tiene atrás. Antes nadie decía "
            "nada.",
        ),
    },
    "schools": {
        "*": (
            "Todo lo que manda la escuela viene en inglés. Firma papeles sin saber qué dicen.",
            "A su {hijo} le hacen burla por su acento en {school}.",
            "Solo hay una maestra de ESL en {school} para muchísimos niños.",
            "Quiere ayudar con la tarea pero no entiende las matemáticas nuevas, y no hay "
            "tutoría en español.",
        ),
    },
    "health": {
        "*": (
            "No tiene seguro. Va a la clínica de los viernes en St. Brigid's cuando está "
            "abierta; si no, a emergencias.",
            "Debe $3,100 de una cuenta del hospital de {mes}. Ya le llaman de collections.",
            "Su {hijo} necesitaba lentes desde hace un año y apenas pudieron comprarlos.",
            "Tiene diabetes y compra la insulina en México cuando alguien viaja.",
            "Le duele la espalda desde hace meses pero no puede faltar al trabajo.",
        ),
    },
    "safety": {
        "*": (
            "Muy oscuro en {street} por la noche, no hay luces. Ya asaltaron a dos vecinos.",
            "Los carros pasan rapidísimo por {street} y los niños juegan en la calle.",
        ),
    },
    "transit": {
        "*": (
            "No maneja porque no tiene licencia. El camión deja de pasar a las 6.",
            "Camina {mins} minutos a la parada con los niños para ir a la clínica.",
        ),
    },
    "utilities": {
        "*": (
            "El bill de la luz llegó de {bill} en {mes}.",
            "Les cortaron la luz {n} días por un saldo de $200.",
        ),
        "pine_haven": (
            "El agua la cobra la oficina del parque, no la ciudad. Le llegó de {bill} y son "
            "{n} en la casa.",
            "Les cortaron el agua {n} días en {mes} sin avisar.",
            "El agua sale café después de que llueve. Compra garrafones en el Dollar General.",
            "Cuando llueve se inunda la Row D y el agua se mete debajo de las trailas.",
        ),
    },
    "childcare": {
        "*": (
            "No tiene quién le cuide a los niños, por eso trabaja de noche.",
            "La guardería cuesta {daycare} a la semana. Imposible.",
        ),
    },
    "parks": {
        "*": (
            "El parque de Alder está lleno de vidrios, no hay luces y los columpios están rotos.",
        ),
    },
}

DETAIL_ES = (
    "Está agarrando turnos extra los fines de semana para cubrirlo.",
    "Su {hijo} le ayuda a traducir todo.",
    "Conoce por lo menos {n} familias en la misma situación.",
    "A fin de mes ya no compran carne, puro frijol y tortilla.",
    "Lleva {years} años en Millbrook y nunca lo había visto así.",
    "Me enseñó los papeles; le tomé foto con su permiso.",
    "Está muy preocupad{o}, se le notaba.",
    "Manda dinero a su familia cada mes, así que una semana sin trabajo pega doble.",
)

WHY_ES = (
    "Vino de {origen} en {year} para trabajar. Todo lo que tiene está aquí; los niños no "
    "conocen otro lugar.",
    "La fe. Dice que Dios los trajo a Millbrook por algo.",
    "Lo hace por sus hijos, para que no pasen lo que pasó {el}.",
    "Su mamá le enseñó que uno no se queda callad{o} cuando algo está mal.",
    "Dice que trabaja duro y paga impuestos, y solo quiere respeto.",
    "En su pueblo ({origen}) la gente se organizaba para todo. Aquí cada quien está en lo suyo "
    "y eso lo extraña.",
    "Tiene miedo, pero dice que más miedo le da no hacer nada.",
    "Cuida también a los hijos de su hermana. Son {n} niños en la casa.",
    "Quiere que sus hijos estudien y no tengan que trabajar en la pollera.",
    "Es muy de la iglesia ({church}). Ahí encuentra fuerza.",
    "Lleva {years} años aquí y dice que Millbrook ya es su casa.",
    "Por dignidad. 'Somos personas, no números.'",
)

HOPE_ES: dict[str, tuple[str, ...]] = {
    "immigration": (
        "Que la policía no pregunte por papeles, y que la ciudad lo diga por escrito.",
        "Una junta de 'conozca sus derechos' en St. Brigid's, en español.",
        "Que sus hijos crezcan sin miedo.",
    ),
    "wages": (
        "Que le paguen lo que le deben. Nada más.",
        "Que las compañías respeten a los trabajadores, con o sin papeles.",
        "Descansos en la línea y que no la aceleren más.",
    ),
    "housing": (
        "Que el dueño arregle las cosas sin amenazar.",
        "Un contrato de renta por escrito, como debe ser.",
        "Una renta que se pueda pagar con un solo trabajo.",
    ),
    "schools": (
        "Que la escuela tenga intérpretes de verdad, no los niños.",
        "Que sus hijos puedan estudiar y no tengan que trabajar en la pollera.",
    ),
    "health": (
        "Una clínica de este lado del pueblo que atienda a todos.",
        "Poder ir al doctor sin que le cueste el mes entero.",
    ),
    "safety": ("Luces en {street} y un tope para los carros.",),
    "transit": ("Que el camión pase hasta tarde, y los domingos.",),
    "utilities": (
        "Que el agua la cobre la ciudad, no la oficina del parque.",
        "Que no corten el agua ni la luz sin avisar.",
    ),
    "childcare": ("Una guardería que pueda pagar, cerca de la casa.",),
    "parks": ("Un parque limpio, con luces, para que los niños jueguen.",),
    "*": (
        "Que los vecinos se conozcan y se apoyen.",
        "Que haya clases de inglés en la noche, cerca.",
        "Que los que deciden vengan a La Loma a escuchar.",
    ),
}

COMMON_GROUND_ES = (
    "Los dos tenemos hijos en {school}.",
    "Hablamos de nuestras mamás, las dos cuidan nietos.",
    "Dice que los vecinos americanos de {street} tienen los mismos problemas; no lo había pensado.",
    "Igual que los vecinos güeros de {street}: todos pagamos demasiado de renta.",
    "Los dos venimos de familias que trabajaron en el campo.",
    "Coincidimos en que lo más importante son los niños.",
    "Los dos vamos a St. Brigid's, a la misa de las 12.",
    "Su esposo y mi hermano trabajaron juntos en la Tri-State.",
    "Dice que los de Mill Row también se quedaron sin trabajo. 'Es lo mismo, nada más que "
    "ellos tienen papeles.'",
    "Nos reímos de lo mismo: los dos llegamos sin saber una palabra de inglés.",
)

OPENERS_ES = (
    "Hablamos en la puerta como {mins} minutos.",
    "Su {hijo} abrió la puerta y fue a buscarl{o}.",
    "Nos invitó a pasar y nos dio café.",
    "Al principio desconfiad{o}, preguntó dos veces de dónde veníamos.",
    "Estaba haciendo tortillas, platicamos en la cocina.",
    "Platicamos afuera, estaba regando las plantas.",
    "Me reconoció de la iglesia, por eso abrió.",
    "Corto, iba saliendo al trabajo.",
)

TABLING_OPENERS_ES = (
    "Se acercó a la mesa en {where}.",
    "En la mesa de {where}, vino con sus niños.",
    "Platicamos en {where}, llenó la tarjeta.",
)

CONTACT_ES = (
    "Llamar después de las 7, trabaja de día.",
    "Prefiere WhatsApp.",
    "No quiso dar su número todavía. Volver a tocar.",
    "Mejor por mensaje de texto.",
    "Está en casa los domingos en la tarde.",
)

SIGNALS_ES: dict[str, tuple[str, ...]] = {
    "offered_to_help": (
        "Se ofreció a ayudar a tocar puertas en {street}.",
        "Dijo 'lo que necesiten, aquí estoy.'",
        "Quiere ayudar a traducir volantes.",
    ),
    "named_neighbors": (
        "Nombró a {names}, dice que están en lo mismo.",
        "Nos dio los nombres de {names}.",
        "Conoce a todos. Dijo que hablemos con {names}.",
    ),
    "wants_to_host": (
        "Puede hacer una junta en su casa un domingo.",
        "Ofreció su casa para una junta chica, 'traigan sillas.'",
    ),
    "took_on_role": (
        "Se comprometió a traducir en la próxima junta.",
        "Va a invitar a {n} vecinos a la junta.",
        "Aceptó ser parte del equipo de La Loma.",
    ),
}

KINDLINESS_ES: dict[str, tuple[str, ...]] = {
    "traditional": ("Muy de la iglesia, ayuda porque así l{o} criaron (tradicional).",),
    "activist": ("Habla de derechos y de justicia, ya ha ido a juntas del concilio (activista).",),
    "rescuer": ("Siempre está ayudando a todos; ojo, que no se queme (rescuer).",),
    "empathic": ("Entiende a los demás sin que se lo pidan, muy abiert{o} (empátic{o}).",),
}

NEXT_STEP_ES: dict[str, tuple[str, ...]] = {
    "yes": (
        "Quedó en venir a la {event_es}. Hay que darle raite.",
        "Sí a la {event_es}; va a traer a una vecina.",
        "Dijo que sí a la {event_es}.",
        "Se apuntó para la {event_es} del {event_date}.",
        "Sí viene a la {event_es}, con {pariente}.",
    ),
    "maybe": (
        "Tal vez viene a la {event_es}, depende del trabajo.",
        "Dijo 'a ver' para la {event_es}. Recordarle unos días antes.",
        "Le interesa la {event_es}, pero no sabe si le dan el día.",
        "Tal vez a la {event_es}; le da pena ir sol{o}.",
    ),
    "no": (
        "No quiere ir a juntas por ahora, pero que le avisemos.",
        "Por ahora no a la {event_es}; tiene mucho con los niños.",
        "No puede ir a la {event_es}, trabaja ese día.",
    ),
}

MISC_ES = (
    "Le dejé la tarjeta de conozca sus derechos.",
    "Pasarle el número de la clínica legal.",
    "Volver con Luis para la plática uno a uno.",
    "Buena persona para el equipo de La Loma.",
    "Quiere copia de lo que juntemos.",
)

QUOTES_ES = (
    "Uno trabaja y trabaja y nunca alcanza.",
    "Yo no quiero problemas, nomás quiero que me paguen lo justo.",
    "Mis hijos nacieron aquí. Esta es su casa.",
    "Cada vez que tocan la puerta, se me para el corazón.",
    "Si no nos ayudamos entre nosotros, ¿quién nos va a ayudar?",
    "No es justo que el agua cueste más que la comida.",
    "Le tengo más miedo a la migra que a los ladrones.",
    "Aquí nadie nos había preguntado nada antes.",
    "Yo ya estoy grande, pero mis nietos no.",
    "Llevo {years} años en este país y nunca he pedido nada.",
    "Pagamos impuestos como todos. Nada más queremos respeto.",
    "Mis hijos me traducen todo. No deberían tener que hacerlo.",
    "El patrón sabe que no vamos a reclamar. Por eso lo hace.",
    "No quiero que mis hijos vivan con el miedo que yo vivo.",
    "Dios nos trajo aquí por algo.",
    "Si vamos todos juntos, ya no es tan fácil que nos ignoren.",
)

GROUP_PROBLEM_ES = (
    "Todos tenían algo que decir sobre {word}. {first} empezó y luego todos.",
    "Al principio con miedo. Cuando {first} habló de su primo, los demás se animaron.",
    "{n_of_es} dijeron que {word} es lo principal. Los demás, el trabajo.",
    "Salarios robados: casi todos han tenido un cheque incompleto este año.",
)

GROUP_HOPE_ES = (
    "Quieren una junta de conozca sus derechos en la iglesia.",
    "Quieren ir juntos a hablar con {dueno}, no uno por uno.",
    "Reunirse cada mes en casa de {first}.",
)

GROUP_COMMON_GROUND_ES = (
    "Papás y mamás de {school}, todos con la misma preocupación por los niños.",
    "Aunque unos tienen papeles y otros no, todos tienen miedo por alguien de su familia.",
    "Todos dijeron lo mismo de {word}; nadie lo había platicado fuera de su casa.",
    "Vecinos de años que nunca se habían sentado juntos a platicar. Mismos problemas.",
    "Unos de la Tri-State, otros de la construcción: a todos les han quedado a deber.",
)

GROUP_WHY_ES = (
    "La fe. Varios dijeron que Dios los trajo aquí por algo.",
    "Sus hijos. Todo regresaba a los hijos.",
    "Dignidad: 'somos personas, no números', dijo {first}, y todos asintieron.",
    "Muchos vienen de pueblos donde la gente se organizaba para todo; aquí lo extrañan.",
    "Tienen miedo, pero dicen que más miedo les da no hacer nada.",
)

GROUP_NOTES_ES = (
    "Fue en casa de {first}. Hubo tamales.",
    "{first} es líder natural, organizó todo.",
    "Se alargó, nadie se quería ir.",
)

ONE_TO_ONE_OPENERS_ES = (
    "Plática uno a uno en su cocina, como una hora.",
    "Nos vimos después de misa en St. Brigid's.",
    "Café en La Michoacana, 45 minutos.",
    "En su casa, con los niños jugando afuera. Muy buena plática.",
)

GROUP_NEXT_ES: dict[str, tuple[str, ...]] = {
    "yes": (
        "Todos se apuntaron para la {event_es}.",
        "{n_of_es} dijeron que sí a la {event_es} del {event_date}.",
    ),
    "maybe": ("Algunos tal vez vienen a la {event_es}, depende del trabajo.",),
    "no": ("Todavía no quieren ir a la {event_es}. Prefieren seguir reuniéndose.",),
}

WHY_TAILS_ES = (
    "Se le quebró la voz.",
    "Lo dijo dos veces.",
    "Se rió, pero se nota que le pesa.",
    "Eso es lo que más quería que anotara.",
    "Su {hijo} estaba escuchando desde la cocina.",
)

HOPE_WHO_ES = (
    "Dice que eso le toca a la ciudad.",
    "Cree que si van todos juntos sí se puede.",
    "No sabe a quién pedírselo; me preguntó a mí.",
    "Está dispuest{o} a ayudar, lo dijo sin que le preguntara.",
    "Dice que el padre de St. Brigid's podría ayudar.",
    "No tiene mucha esperanza, pero quiere intentarlo.",
)

COMMON_GROUND_TAILS_ES = (
    "Nos reímos mucho.",
    "Ahí empezó la plática de verdad.",
    "Se sorprendió.",
    "Buen momento.",
)

# Where the tables were, as Marisol and Luis write it.
LUGARES = {
    "the Farmers Market": "el mercado del centro",
    "the Cinco de Mayo festival": "el festival del Cinco de Mayo",
    "the Hollis plant gate": "la puerta de la Hollis",
    "the Juneteenth festival at Carver Park": "el festival de Juneteenth en Carver Park",
    "the laundromat on Alder": "la lavandería de Alder",
    "the public library": "la biblioteca",
    "the Back-to-School Bash": "la fiesta de regreso a clases",
    "the Kroger on 45": "el Kroger de la 45",
    "the St. Brigid's fiesta": "la fiesta de St. Brigid's",
    "the Oak Hill yard sale": "la venta de garaje de Oak Hill",
    "the Pine Haven fall cookout": "la carne asada de Pine Haven",
}
