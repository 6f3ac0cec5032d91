"""Given names that tell a person's gender, for matching "he"/"she" to a named person.

Hand-picked: common English given names and those of people often in international news.
Names given to men and women alike (Chris, Jordan, Taylor, Robin, Jean, Andrea, Sasha, ...)
are left out on purpose: no answer is better than a wrong one. Lower case.
"""

from __future__ import annotations

__all__ = ["FEMALE_NAMES", "MALE_NAMES", "gender_of_first_name"]


def _names(listing: str) -> frozenset[str]:
    return frozenset(listing.split())


MALE_NAMES = _names(
    """
    aaron abdul abdullah abraham adam adrian ahmad ahmed al alan albert alberto alejandro
    aleksandr alexander alexandre alexei alfred alistair allen alvin amir anatoly anders
    andre andrei andres andrew andy angelo angus anthony antonio anton antony archie arnold
    arthur arturo ashraf austin barack barry bart ben benjamin benny bernard bernie bill billy
    bob bobby boris brad bradley brandon brendan brent brett brian bruce bruno bryan bud
    byron calvin carl carlos cary cecil cesar chad charles charlie chester chuck clarence
    clark claude clay clayton clifford clint cody colin conor connor cornelius cory
    craig curtis cyril dan daniel danny darren dave david dean dennis denis derek desmond
    dick dimitri dmitri dmitry dominic don donald doug douglas duane dustin dwayne dwight earl
    ed eddie edgar edmund eduardo edward edwin elijah elliot elliott elon emmanuel emil enrique
    eric erik ernest ernesto ethan eugene evan fabio felipe felix fernando fidel francesco
    francis francisco frank franklin fred freddie frederick fyodor gabriel gareth garrett gary
    gavin gene geoffrey george gerald gerard gerhard giorgio giuseppe glenn gordon graham grant
    greg gregory guillermo gus gustavo guy hamid hans harold harry harvey hassan hector helmut
    henry herbert herman hillel horace howard hugh hugo hunter ian igor ilya isaac ivan jack
    jacob jake james jamal jared jason javier jay jeb jeff jeffrey jens jeremy jerome jerry
    jesse jesus jim jimmy joachim joaquin joe joel joey johann john johnny jon jonathan jorge
    jose joseph josh joshua juan julian julio justin karl keith ken kenneth kevin kirk klaus
    kurt kyle lamar lance larry lars lawrence len leo leon leonard leonid leroy lewis
    lloyd lorenzo louis luca lucas luigi luis luke malcolm manuel marc marco marcus mario mark
    marshall martin marvin mathew matt matteo matthew maurice max maxim melvin michael miguel
    mike mikhail milton mitch mitchell mohamed mohammad mohammed muhammad murray mustafa nathan
    nathaniel neil nelson nicholas nick nicolas nigel nikolai noah norman oleg oliver
    omar oscar otto owen pablo patrick paul pedro peter phil philip phillip pierre ralph ramon
    randall randy raul ray raymond reggie reginald reince rex ricardo richard rick ricky rob
    robert roberto rod rodney rodrigo roger roland roman ron ronald ronnie ross roy rudy rudolph
    rupert russell ryan salvador sam samuel scott sean sebastian sergei sergey seth shane shawn
    sherrod simon stanley stefan stephen steve steven stewart stuart ted terrence theo
    theodore thomas tim timothy todd tom tommy tony travis trent trevor tyler victor
    vincent vladimir vladislav wade walter warren wayne wendell wesley will willard william
    willie wolfgang xavier yevgeny yuri zachary
    """
)

FEMALE_NAMES = _names(
    """
    abigail ada adriana agnes aileen alexandra alexandria alice alicia alison allison alma
    amanda amber amelia amy ana anastasia anita angela angelina angelique ann anna anne
    annette annie antoinette april arlene audrey ava barbara beatrice becky belinda bernadette
    beth bethany betsy betty beverly bianca bonnie brenda bridget brittany camila candace
    carla carmen carol carole caroline carolyn catherine cathy cecilia celia charlotte chelsea
    cheryl christina christine cindy claire clara claudia colleen connie constance cynthia
    daisy daphne darlene debbie deborah debra delia denise diana diane dianne dolores
    donna doris dorothy edith eileen elaine eleanor elena elisabeth eliza elizabeth ella ellen
    elsa emily emma erica erika esther eva fatima felicia fiona florence frances gabriela
    gail geraldine gina ginger gladys gloria grace greta gretchen gwen hannah harriet hazel
    heather heidi helen helena hillary holly hope ida ilhan ingrid irene iris isabel
    isabella ivanka jacqueline jane janet janice jasmine jeanne jeannie jennifer jenny
    jessica jill joan joanna joanne jocelyn josephine joy joyce judith judy julia julie june
    justine karen karina kate katherine kathleen kathryn kathy katie katrina kay kayla kellyanne
    kimberly kirsten kristen kristin laura lauren laurie leah leila lena lillian linda lisa liz
    lois loretta lorraine louise lucia lucy lydia mabel madeleine madeline maggie malala
    mandy marcia margaret margarita maria marian marianne marie marilyn marina marjorie
    marlene martha mary maureen maxine megan melania melanie melinda melissa meredith mia
    michele michelle mildred miriam molly monica muriel nadia nadine nancy naomi natalia natalie
    natasha nicole nikki nina nora norma olga olive olivia paige pamela patricia patsy paula
    pauline peggy penelope penny phyllis polly priscilla rachel rebecca regina renee rhonda
    rita roberta rosa rosalind rose rosemary ruth sabrina sally samantha sandra sara sarah
    sharon sheila shelley sherry shirley silvia sofia sonia sophia sophie stacey stella
    stephanie sue susan suzanne svetlana sylvia tamara tammy tanya teresa theresa tiffany tina
    ursula valentina valerie vanessa vera veronica victoria virginia vivian wanda wendy
    whitney yolanda yulia yvonne zoe
    """
)


def gender_of_first_name(name: str) -> str | None:
    """'m', 'f' or None for a given name ("Hillary" -> 'f'), any case."""
    word = name.lower()
    if word in MALE_NAMES:
        return "m"
    if word in FEMALE_NAMES:
        return "f"
    return None
