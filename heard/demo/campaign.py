"""The demo's two listening guides and its calendar of trainings, meetings and actions.

Both campaigns listen in English and Spanish. The main guide is written in both, in the Spanish
La Loma's organizers speak; the past one only partly (its questions not written in Spanish show
in English, as a guide being translated does)."""

from .plans import MAIN

MAIN_GUIDE = (
    ("problem", "What's the biggest challenge facing you or your family right now?",
     "Let them choose. Ask for one specific example: when it happened, who, what it cost."),
    ("issues", "Which issues in Millbrook matter most to you?",
     "Housing, wages, transit, schools, safety, immigration, health care, parks, utilities… "
     "write their words, in their order."),
    ("why", "Why does that matter to you? Is there a story behind it?",
     "Listen for values and experience. Share a little of your own story if it helps."),
    ("hope", "If things were better a year from now, what would be different?",
     "Hopes and opportunities: what they want to see happen, and who could make it happen."),
    ("common_ground", "What do you share with neighbors who might see things differently?",
     "Note the common ground you found, especially across age, race, language or politics."),
    ("notes", "Anything else? Who they know, whether they'd help, how to follow up",
     "Did they name neighbors, offer to help or host? Best time to reach them?"),
)  # fmt: skip

LANGUAGES = ("en", "es")

# The same questions, purpose by purpose, as Luis and Marisol ask them.
MAIN_GUIDE_ES = {
    "problem": ("¿Cuál es el reto más grande para usted o su familia ahorita?",
                "Deje que escojan. Pida un ejemplo concreto: cuándo pasó, quién, cuánto les "
                "costó."),
    "issues": ("¿Qué temas de Millbrook le importan más?",
               "Vivienda, salarios, transporte, escuelas, seguridad, inmigración, salud, "
               "parques, luz y agua… anote sus palabras, en su orden."),
    "why": ("¿Por qué le importa eso? ¿Hay una historia detrás?",
            "Escuche sus valores y lo que ha vivido. Si ayuda, comparta un poco de su propia "
            "historia."),
    "hope": ("Si las cosas estuvieran mejor dentro de un año, ¿qué sería diferente?",
             "Esperanzas y oportunidades: qué quieren que pase y quién lo podría hacer realidad."),
    "common_ground": ("¿Qué tiene en común con vecinos que tal vez ven las cosas de otra "
                      "manera?",
                      "Anote lo que tienen en común, sobre todo entre edades, razas, idiomas o "
                      "ideas políticas."),
    "notes": ("¿Algo más? A quién conoce, si le gustaría ayudar, cómo darle seguimiento",
              "¿Nombró a vecinos, ofreció ayudar o prestar su casa para una junta? ¿A qué hora "
              "es mejor buscarle?"),
}  # fmt: skip

# Half translated when the campaign ended: the rest shows in English.
PAST_GUIDE_ES = {
    "problem": ("¿Qué le preocupa de su cuadra estos días?",
                "Pregunta abierta; deje que hablen antes de escribir."),
    "hope": ("Si pudiera cambiar una cosa primero, ¿cuál sería?", ""),
}  # fmt: skip

PAST_GUIDE = (
    ("problem", "What's on your mind about your block these days?",
     "Open question; let them talk before you write."),
    ("hope", "If you could change one thing first, what would it be?", ""),
    ("why", "Why that?", "The story behind it."),
    ("notes", "Notes and follow-up", "Contact, leads, anything to pass on."),
)  # fmt: skip

TRAINING_TEXT = (
    "Deep listening is base-building through personal stories: asking good questions, "
    "listening, finding common ground across old divides, and inviting neighbors to take a "
    "next step together. Practice holding conversations at the door, at a table, one-to-one "
    "and in small groups. Lunch provided; childcare on request."
)

# kind, title, words for notes, palabras, when, location, neighbourhood, capacity, campaign
EVENTS = (
    ("training", "Deep Listening Training", "Deep Listening Training",
     "capacitación de escucha profunda", (2025, 5, 31, 10), "Greater New Hope Baptist, "
     "fellowship hall", "", 25, "past"),
    ("meeting", "Summer Listening report-back", "report-back meeting", "junta de resultados",
     (2025, 9, 20, 14), "Millbrook Public Library, Room B", "", None, "past"),
    ("training", "Deep Listening Training", "Deep Listening Training",
     "capacitación de escucha profunda", (2026, 3, 28, 10),
     "Greater New Hope Baptist, fellowship hall", "", 30, MAIN),
    ("training", "Deep Listening Training", "Deep Listening Training",
     "capacitación de escucha profunda", (2026, 5, 16, 10), "Millbrook Public Library, Room B",
     "", 25, MAIN),
    ("house_meeting", "Maple Court tenants' meeting", "Maple Court tenants' meeting",
     "junta de inquilinos", (2026, 5, 30, 14), "Maple Court Apartments, Bldg 4 community room",
     "eastgate", 25, MAIN),
    ("house_meeting", "Oak Hill porch meeting: taxes and repairs", "porch meeting",
     "junta en el porche", (2026, 6, 6, 17), "A porch on Laurel Ave", "oak_hill", 15, MAIN),
    ("house_meeting", "Lot rent and water bills", "Pine Haven meeting on lot rent and water",
     "junta del lote y el agua", (2026, 6, 14, 15), "Pine Haven clubhouse", "pine_haven", None,
     MAIN),
    ("action", "City Council: speak up for Route 7", "council meeting on Route 7",
     "acción en el concilio por el camión", (2026, 6, 16, 18), "City Hall, council chambers",
     "mill_row", None, MAIN),
    ("training", "Capacitación: Escucha Profunda (en español)", "Spanish-language training",
     "capacitación en español", (2026, 6, 27, 10), "St. Brigid's parish hall", "la_loma", 25,
     MAIN),
    ("house_meeting", "Junta de vecinos de Alder St", "Alder St neighbors' meeting",
     "junta de vecinos", (2026, 7, 12, 16), "Alder St, casa de una vecina", "la_loma", 20,
     MAIN),
    ("meeting", "Know Your Rights / Conozca sus derechos", "Know Your Rights night",
     "junta de conozca sus derechos", (2026, 7, 23, 18), "St. Brigid's parish hall",
     "la_loma", 60, MAIN),
    ("other", "Summer cookout at Carver Park", "cookout at Carver Park",
     "carne asada en Carver Park", (2026, 7, 25, 12), "Carver Park pavilion", "", None, MAIN),
    ("meeting", "Tenant rights clinic", "tenant rights clinic",
     "clínica de derechos de inquilinos", (2026, 6, 25, 18), "Millbrook Public Library, Room B",
     "", 40, MAIN),
    ("meeting", "Hollis workers' town hall", "Hollis town hall", "junta de trabajadores de "
     "la Hollis", (2026, 7, 9, 18), "Mill Avenue Church of God", "mill_row", None, MAIN),
    ("action", "City Council public comment: what we're hearing", "council public comment "
     "night", "comentarios públicos en el concilio", (2026, 8, 18, 18),
     "City Hall, council chambers", "", None, MAIN),
    ("house_meeting", "After Hollis: a Mill Row house meeting", "Mill Row house meeting",
     "junta de Mill Row", (2026, 8, 9, 15), "Mill Avenue Church of God, basement", "mill_row",
     30, MAIN),
    ("training", "Deep Listening Training", "Deep Listening Training",
     "capacitación de escucha profunda", (2026, 8, 15, 10), "Eastgate Community Center", "",
     25, MAIN),
    ("action", "Pine Haven at the Utility Board", "Utility Board meeting",
     "junta con la compañía de luz y agua", (2026, 9, 1, 17), "Millbrook Power & Light, board "
     "room", "pine_haven", None, MAIN),
    ("house_meeting", "Cedar Grove parents' house meeting", "parents' house meeting",
     "junta de papás", (2026, 9, 13, 16), "A living room on Kestrel Way", "cedar_grove", 20,
     MAIN),
    ("training", "Deep Listening Training", "Deep Listening Training",
     "capacitación de escucha profunda", (2026, 9, 26, 10), "Oak Hill Methodist, fellowship "
     "hall", "", 25, MAIN),
    ("action", "School Board: Cedar Grove is out of room", "school board meeting",
     "junta del distrito escolar", (2026, 10, 6, 18), "Board of Education", "cedar_grove", None,
     MAIN),
    ("house_meeting", "Hartley Towers tenants' meeting", "Hartley Towers tenants' meeting",
     "junta de inquilinos", (2026, 10, 18, 14), "Hartley Towers community room", "downtown",
     40, MAIN),
    ("training", "Deep Listening Training", "Deep Listening Training",
     "capacitación de escucha profunda", (2026, 12, 5, 10), "Millbrook Public Library, Room B",
     "", 30, MAIN),
    ("action", "Budget hearing: what Millbrook told us", "budget hearing",
     "audiencia del presupuesto", (2026, 12, 8, 18), "City Hall, council chambers", "", None,
     MAIN),
    ("meeting", "Listening to Millbrook: What We Heard", "What We Heard meeting",
     "junta de lo que escuchamos", (2026, 12, 12, 14), "Greater New Hope Baptist, fellowship "
     "hall", "", 120, MAIN),
)  # fmt: skip

# Events about one issue are offered to people who raised it, wherever they live.
EVENT_ISSUES = {
    "Know Your Rights / Conozca sus derechos": "immigration",
    "City Council: speak up for Route 7": "transit",
    "Pine Haven at the Utility Board": "utilities",
    "School Board: Cedar Grove is out of room": "schools",
}
