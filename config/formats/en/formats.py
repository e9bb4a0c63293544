# The formats the pages use, written the way the caseworkers write dates ("21 April 2017",
# "21 Apr 2017"). Russian keeps Django's own ("21 апреля 2017 г.", 21.04.2017).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
