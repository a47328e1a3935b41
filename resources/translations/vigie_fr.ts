<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>LayoutPresets</name>
    <message>
        <source>1+5</source>
        <translation>1+5</translation>
    </message>
    <message>
        <source>1+7</source>
        <translation>1+7</translation>
    </message>
    <message>
        <source>1+12</source>
        <translation>1+12</translation>
    </message>
    <message>
        <source>2+8</source>
        <translation>2+8</translation>
    </message>
    <message>
        <source>3+4</source>
        <translation>3+4</translation>
    </message>
    <message>
        <source>Big + strip</source>
        <translation>Grande + bandeau</translation>
    </message>
</context>
<context>
    <name>NamedLayouts</name>
    <message>
        <source>Saved layout number %1 has no name; it was skipped.</source>
        <translation>La disposition enregistrée n° %1 n&apos;a pas de nom ; elle a été ignorée.</translation>
    </message>
    <message>
        <source>The saved layout &quot;%1&quot; could not be read (&quot;%2&quot;); it was skipped.</source>
        <translation>La disposition enregistrée « %1 » n&apos;a pas pu être lue (« %2 ») ; elle a été ignorée.</translation>
    </message>
    <message>
        <source>The layout name &quot;%1&quot; was saved twice; only the first was kept.</source>
        <translation>Le nom de disposition « %1 » était enregistré deux fois ; seule la première a été gardée.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>the picture could not be converted</source>
        <translation>l&apos;image n&apos;a pas pu être convertie</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1: %2</source>
        <translation>Impossible de lire le fichier CA %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate</source>
        <translation>Le fichier CA %1 ne contient aucun certificat PEM</translation>
    </message>
    <message>
        <source>%1: not connected to the backend</source>
        <translation>%1&#xa0;: pas de connexion au serveur</translation>
    </message>
    <message>
        <source>Recordings of %1</source>
        <translation>Enregistrements de %1</translation>
    </message>
    <message>
        <source>Reading a recording</source>
        <translation>Lecture d&apos;un enregistrement</translation>
    </message>
</context>
<context>
    <name>vigie</name>
    <message>
        <source>Try &apos;vigie --help&apos; for more information.</source>
        <translation>Essayez « vigie --help » pour plus d&apos;informations.</translation>
    </message>
    <message>
        <source>Vigie, supervision client for video-protection control rooms.

Connects to a Vigie backend (for example vigie-sim), lists its cameras and shows them live.
Environment: VIGIE_BACKEND (default backend address), VIGIE_PASSWORD (password, instead of
--password-file or the login dialog).</source>
        <translation>Vigie, client de supervision pour centres de supervision urbains.

Se connecte à un serveur Vigie (par exemple vigie-sim), liste ses caméras et les affiche en direct.
Environnement&#xa0;: VIGIE_BACKEND (adresse du serveur par défaut), VIGIE_PASSWORD (mot de passe, au lieu de
--password-file ou de la fenêtre de connexion).</translation>
    </message>
    <message>
        <source>Backend gRPC address (default 127.0.0.1:50051).</source>
        <translation>Adresse gRPC du serveur (par défaut 127.0.0.1:50051).</translation>
    </message>
    <message>
        <source>Connect with TLS (implied by --ca).</source>
        <translation>Connexion chiffrée TLS (implicite avec --ca).</translation>
    </message>
    <message>
        <source>PEM file of the authority that signed the backend&apos;s certificate (default: system authorities).</source>
        <translation>Fichier PEM de l&apos;autorité qui a signé le certificat du serveur (par défaut&#xa0;: autorités du système).</translation>
    </message>
    <message>
        <source>User name (default: operator).</source>
        <translation>Nom d&apos;utilisateur (par défaut&#xa0;: operator).</translation>
    </message>
    <message>
        <source>Read the password from the first line of this file (else VIGIE_PASSWORD, else ask).</source>
        <translation>Lire le mot de passe sur la première ligne de ce fichier (sinon VIGIE_PASSWORD, sinon le demander).</translation>
    </message>
    <message>
        <source>Comma-separated camera ids to show first, in tile order (instead of the saved wall).</source>
        <translation>Identifiants des caméras à afficher d&apos;abord, séparés par des virgules, dans l&apos;ordre des tuiles (au lieu du mur enregistré).</translation>
    </message>
    <message>
        <source>How the video wall draws: auto (default: OpenGL, or the CPU path when the display&apos;s OpenGL is a software rasteriser), opengl or software (env VIGIE_RENDERER).</source>
        <translation>Mode de rendu du mur vidéo&#xa0;: auto (par défaut&#xa0;: OpenGL, ou le rendu processeur quand l&apos;OpenGL de l&apos;affichage est logiciel), opengl ou software (variable VIGIE_RENDERER).</translation>
    </message>
    <message>
        <source>dark (default, for dim control rooms) or light (env VIGIE_THEME).</source>
        <translation>dark (sombre, par défaut, pour les salles peu éclairées) ou light (clair) (variable VIGIE_THEME).</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>argument inattendu « %1 »</translation>
    </message>
    <message>
        <source>backend address &apos;%1&apos; must be host:port</source>
        <translation>l&apos;adresse du serveur « %1 » doit être de la forme hôte:port</translation>
    </message>
    <message>
        <source>cannot read password file %1: %2</source>
        <translation>impossible de lire le fichier de mot de passe %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>--renderer takes auto, opengl or software, not &apos;%1&apos;</source>
        <translation>--renderer accepte auto, opengl ou software, pas « %1 »</translation>
    </message>
    <message>
        <source>--theme takes dark or light, not &apos;%1&apos;</source>
        <translation>--theme accepte dark ou light, pas « %1 »</translation>
    </message>
    <message>
        <source>The settings file %1 is damaged and could not be moved aside; the default settings are used for now.</source>
        <translation>Le fichier de réglages %1 est endommagé et n&apos;a pas pu être mis de côté&#xa0;; les réglages par défaut s&apos;appliquent pour cette session.</translation>
    </message>
    <message>
        <source>The settings file was damaged: it was kept as %1 and the default settings are used.</source>
        <translation>Le fichier de réglages était endommagé&#xa0;: il est conservé sous %1 et les réglages par défaut s&apos;appliquent.</translation>
    </message>
    <message>
        <source>auto (default: the system&apos;s language), en or fr (env VIGIE_LANGUAGE).</source>
        <translation>auto (par défaut&#xa0;: la langue du système), en ou fr (variable VIGIE_LANGUAGE).</translation>
    </message>
    <message>
        <source>--language takes auto, en or fr, not &apos;%1&apos;</source>
        <translation>--language accepte auto, en ou fr, pas « %1 »</translation>
    </message>
    <message>
        <source>Wall grid size: 1 to 8 (NxN tiles).</source>
        <translation>Taille de la grille du mur&#xa0;: 1 à 8 (NxN tuiles).</translation>
    </message>
    <message>
        <source>--grid takes 1 to 8, not &apos;%1&apos;</source>
        <translation>--grid accepte 1 à 8, pas « %1 »</translation>
    </message>
    <message>
        <source>Run as the display of this video wall (id or name): full screen, no operator controls, showing what the backend&apos;s wall service says.</source>
        <translation>Fonctionner comme affichage de ce mur vidéo (identifiant ou nom) : plein écran, sans commandes d&apos;opérateur, montrant ce que dit le service des murs du serveur.</translation>
    </message>
    <message>
        <source>With --wall: show only this monitor of the wall (one display process per screen).</source>
        <translation>Avec --wall : n&apos;afficher que cet écran du mur (un processus d&apos;affichage par écran).</translation>
    </message>
    <message>
        <source>--wall needs the id or name of a wall</source>
        <translation>--wall demande l&apos;identifiant ou le nom d&apos;un mur</translation>
    </message>
    <message>
        <source>--monitor only makes sense with --wall</source>
        <translation>--monitor n&apos;a de sens qu&apos;avec --wall</translation>
    </message>
</context>
<context>
    <name>vigie::app::AlarmListModel</name>
    <message>
        <source>Intrusion</source>
        <translation>Intrusion</translation>
    </message>
    <message>
        <source>Line crossed</source>
        <translation>Franchissement de ligne</translation>
    </message>
    <message>
        <source>Loitering</source>
        <translation>Maraudage</translation>
    </message>
    <message>
        <source>Object left</source>
        <translation>Objet abandonné</translation>
    </message>
    <message>
        <source>Object removed</source>
        <translation>Objet enlevé</translation>
    </message>
    <message>
        <source>Wrong way</source>
        <translation>Contresens</translation>
    </message>
    <message>
        <source>Crowd density</source>
        <translation>Densité de foule</translation>
    </message>
    <message>
        <source>Video loss</source>
        <translation>Perte vidéo</translation>
    </message>
    <message>
        <source>Tampering</source>
        <translation>Sabotage</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturée</translation>
    </message>
    <message>
        <source>%1, not seen</source>
        <translation>%1, non vue</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Attribuée à</translation>
    </message>
</context>
<context>
    <name>vigie::app::AlarmPanel</name>
    <message>
        <source>confirmed</source>
        <translation>confirmée</translation>
    </message>
    <message>
        <source>false alarm</source>
        <translation>fausse alarme</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>not judged</source>
        <translation>non qualifiée</translation>
    </message>
    <message>
        <source>the backend</source>
        <translation>le serveur</translation>
    </message>
    <message>
        <source>raised</source>
        <translation>levée</translation>
    </message>
    <message>
        <source>updated by the detector</source>
        <translation>mise à jour par le détecteur</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>acquittée</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>commentaire</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>non attribuée</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>attribuée à %1</translation>
    </message>
    <message>
        <source>verdict: %1</source>
        <translation>verdict : %1</translation>
    </message>
    <message>
        <source>change</source>
        <translation>modification</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acquitter</translation>
    </message>
    <message>
        <source>Say you have seen it: silences it on every workstation (Space)</source>
        <translation>Indiquer que vous l&apos;avez vue : la fait taire sur tous les postes (Espace)</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>Prendre</translation>
    </message>
    <message>
        <source>Handle it yourself: in progress, assigned to you (T)</source>
        <translation>La traiter vous-même : en cours, attribuée à vous (T)</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Mettre en attente</translation>
    </message>
    <message>
        <source>Waiting for something (a patrol, a call back) (H)</source>
        <translation>En attente de quelque chose (une patrouille, un rappel) (H)</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>Clôturer…</translation>
    </message>
    <message>
        <source>Handled: close it with a verdict (C)</source>
        <translation>Traitée : la clôturer avec un verdict (C)</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmée</translation>
    </message>
    <message>
        <source>False alarm</source>
        <translation>Fausse alarme</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Show live</source>
        <translation>Voir en direct</translation>
    </message>
    <message>
        <source>The alarm&apos;s camera, live and large (Enter, double click)</source>
        <translation>La caméra de l&apos;alarme, en direct et en grand (Entrée, double clic)</translation>
    </message>
    <message>
        <source>Comment (describe events, never identify people) — Enter adds it</source>
        <translation>Commentaire (décrire les faits, jamais identifier des personnes) — Entrée l&apos;ajoute</translation>
    </message>
    <message>
        <source>Every state</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Every priority</source>
        <translation>Toutes les priorités</translation>
    </message>
    <message>
        <source>Every type</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Camera, site, rule…</source>
        <translation>Caméra, site, règle…</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acquittée</translation>
    </message>
    <message>
        <source>Taken: you handle it</source>
        <translation>Prise : vous la traitez</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturée</translation>
    </message>
    <message>
        <source>Comment added</source>
        <translation>Commentaire ajouté</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an alarm to see what happened.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sélectionnez une alarme pour voir ce qui s&apos;est passé.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Rule: %1&lt;br&gt;Priority: %2 · State: %3&lt;br&gt;Event: %4&lt;br&gt;Verdict: %5%6&lt;/p&gt;</source>
        <translation>&lt;p&gt;Règle : %1&lt;br&gt;Priorité : %2 · État : %3&lt;br&gt;Événement : %4&lt;br&gt;Verdict : %5%6&lt;/p&gt;</translation>
    </message>
    <message>
        <source> (a human must confirm it)</source>
        <translation> (une personne doit la confirmer)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Seen by %1 at %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;Vue par %1 à %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Handled by %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Traitée par %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;History&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Historique&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Alarm list: acknowledge</source>
        <translation>Liste des alarmes : acquitter</translation>
    </message>
    <message>
        <source>Alarm list: take</source>
        <translation>Liste des alarmes : prendre</translation>
    </message>
    <message>
        <source>Alarm list: hold</source>
        <translation>Liste des alarmes : mettre en attente</translation>
    </message>
    <message>
        <source>Alarm list: close with a verdict</source>
        <translation>Liste des alarmes : clôturer avec un verdict</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Son</translation>
    </message>
    <message>
        <source>A sound for each new alarm</source>
        <translation>Un son pour chaque nouvelle alarme</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;No picture kept: no wall was playing this camera when the alarm came, or the alarm came among many.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Pas d&apos;image conservée&#xa0;: aucun mur n&apos;affichait cette caméra à l&apos;arrivée de l&apos;alarme, ou elle est arrivée parmi beaucoup d&apos;autres.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Attribuer…</translation>
    </message>
    <message>
        <source>Give it to an operator who may handle this camera&apos;s alarms (A)</source>
        <translation>La confier à un opérateur habilité pour les alarmes de cette caméra (A)</translation>
    </message>
    <message>
        <source>Alarm list: assign</source>
        <translation>Liste des alarmes : attribuer</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Attribution retirée</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>Attribuée à %1</translation>
    </message>
    <message>
        <source>Asking the backend…</source>
        <translation>Demande au serveur…</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne (aucune attribution)</translation>
    </message>
    <message>
        <source>%1 (on duty)</source>
        <translation>%1 (en poste)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revoir</translation>
    </message>
    <message>
        <source>What the camera recorded, from a little before the alarm (R)</source>
        <translation>Ce que la caméra a enregistré, depuis un peu avant l&apos;alarme (R)</translation>
    </message>
    <message>
        <source>Alarm list: review the recording</source>
        <translation>Liste des alarmes&#xa0;: revoir l&apos;enregistrement</translation>
    </message>
</context>
<context>
    <name>vigie::app::BookmarkPanel</name>
    <message>
        <source>Search bookmarks (words of the title or note)</source>
        <translation>Chercher dans les signets (mots du titre ou de la note)</translation>
    </message>
    <message>
        <source>Search bookmarks</source>
        <translation>Chercher dans les signets</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Signets</translation>
    </message>
    <message>
        <source>Delete bookmark</source>
        <translation>Supprimer le signet</translation>
    </message>
    <message>
        <source>Bookmarks could not be listed: %1</source>
        <translation>Impossible de lister les signets&#xa0;: %1</translation>
    </message>
    <message>
        <source>Creating the bookmark…</source>
        <translation>Création du signet…</translation>
    </message>
    <message>
        <source>The bookmark was not created: %1</source>
        <translation>Le signet n&apos;a pas été créé&#xa0;: %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <source>Bookmark “%1” created</source>
        <translation>Signet «&#xa0;%1&#xa0;» créé</translation>
    </message>
    <message>
        <source>Bookmark “%1” changed</source>
        <translation>Signet «&#xa0;%1&#xa0;» modifié</translation>
    </message>
    <message>
        <source>Delete the bookmark “%1” on %2? Other investigators will no longer see it.</source>
        <translation>Supprimer le signet «&#xa0;%1&#xa0;» sur %2&#xa0;? Les autres enquêteurs ne le verront plus.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Bookmark “%1” deleted</source>
        <translation>Signet «&#xa0;%1&#xa0;» supprimé</translation>
    </message>
    <message>
        <source>“%1” was changed by someone else meanwhile; looking it up…</source>
        <translation>«&#xa0;%1&#xa0;» a été modifié entre-temps par quelqu&apos;un d&apos;autre&#xa0;; recherche de sa nouvelle version…</translation>
    </message>
    <message>
        <source>“%1” was changed by someone else meanwhile: nothing was done. Look at it again.</source>
        <translation>«&#xa0;%1&#xa0;» a été modifié entre-temps par quelqu&apos;un d&apos;autre&#xa0;: rien n&apos;a été fait. Consultez-le à nouveau.</translation>
    </message>
    <message>
        <source>“%1” was deleted by someone else meanwhile.</source>
        <translation>«&#xa0;%1&#xa0;» a été supprimé entre-temps par quelqu&apos;un d&apos;autre.</translation>
    </message>
    <message>
        <source>“%1” was changed by %2 at %3 meanwhile: nothing was done. The list shows it as it is now; look at it and try again.</source>
        <translation>«&#xa0;%1&#xa0;» a été modifié entre-temps par %2 le %3&#xa0;: rien n&apos;a été fait. La liste le montre tel qu&apos;il est maintenant&#xa0;; vérifiez-le et recommencez.</translation>
    </message>
    <message>
        <source>Show in the review</source>
        <translation>Voir dans la relecture</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
</context>
<context>
    <name>vigie::app::GamepadInput</name>
    <message>
        <source>Game controllers are not used: the SDL2 library is not installed</source>
        <translation>Manettes non utilisées&#xa0;: la bibliothèque SDL2 n&apos;est pas installée</translation>
    </message>
    <message>
        <source>Game controllers are not used: %1</source>
        <translation>Manettes non utilisées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Game controllers are not used: the SDL2 library is too old</source>
        <translation>Manettes non utilisées&#xa0;: la bibliothèque SDL2 est trop ancienne</translation>
    </message>
    <message>
        <source>No game controller connected</source>
        <translation>Aucune manette branchée</translation>
    </message>
    <message>
        <source>The game controller was disconnected</source>
        <translation>La manette a été débranchée</translation>
    </message>
    <message>
        <source>Game controller: %1</source>
        <translation>Manette&#xa0;: %1</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>sans nom</translation>
    </message>
</context>
<context>
    <name>vigie::app::MainWindow</name>
    <message>
        <source>Vigie — %1</source>
        <translation>Vigie — %1</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Caméras</translation>
    </message>
    <message>
        <source>Snapshot saved: %1</source>
        <translation>Capture enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>No snapshot: %1</source>
        <translation>Pas de capture&#xa0;: %1</translation>
    </message>
    <message>
        <source>Wall</source>
        <translation>Mur</translation>
    </message>
    <message>
        <source>%1×%1</source>
        <translation>%1×%1</translation>
    </message>
    <message>
        <source>Show %1 tiles (%2)</source>
        <translation>Afficher %1 tuiles (%2)</translation>
    </message>
    <message>
        <source>Layouts</source>
        <translation>Dispositions</translation>
    </message>
    <message>
        <source>Larger grids and uneven layouts (one or a few large tiles among small ones)</source>
        <translation>Grilles plus grandes et dispositions mixtes (une ou quelques grandes tuiles parmi des petites)</translation>
    </message>
    <message>
        <source>Clear tile</source>
        <translation>Vider la tuile</translation>
    </message>
    <message>
        <source>Stop the selected tile (Delete)</source>
        <translation>Arrêter la tuile sélectionnée (Suppr)</translation>
    </message>
    <message>
        <source>Fill tile</source>
        <translation>Remplir la tuile</translation>
    </message>
    <message>
        <source>Stretch the selected tile&apos;s picture over the whole tile, or show it whole again (F)</source>
        <translation>Étirer l&apos;image de la tuile sélectionnée sur toute la tuile, ou la montrer entière à nouveau (F)</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Capture</translation>
    </message>
    <message>
        <source>Save the selected tile&apos;s picture as PNG, at the camera&apos;s resolution (%1)</source>
        <translation>Enregistrer l&apos;image de la tuile sélectionnée en PNG, à la résolution de la caméra (%1)</translation>
    </message>
    <message>
        <source>Restore grid</source>
        <translation>Rétablir la grille</translation>
    </message>
    <message>
        <source>Show all tiles again after a double-click maximised one (Esc)</source>
        <translation>Réafficher toutes les tuiles après en avoir agrandi une par double-clic (Échap)</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <source>Show each tile&apos;s stream figures: frame rates, bitrate, decode time, drops (%1)</source>
        <translation>Afficher les mesures du flux de chaque tuile&#xa0;: images par seconde, débit, temps de décodage, pertes (%1)</translation>
    </message>
    <message>
        <source>Find a camera</source>
        <translation>Chercher une caméra</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Plein écran</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Log in…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <source>Log in again, as another user or after a refused password (Ctrl+L)</source>
        <translation>Se reconnecter, sous un autre nom ou après un mot de passe refusé (Ctrl+L)</translation>
    </message>
    <message>
        <source>Restore the layout</source>
        <translation>Rétablir la disposition</translation>
    </message>
    <message>
        <source>Maximise</source>
        <translation>Agrandir</translation>
    </message>
    <message>
        <source>Fill the tile</source>
        <translation>Remplir la tuile</translation>
    </message>
    <message>
        <source>Close the camera</source>
        <translation>Fermer la caméra</translation>
    </message>
    <message>
        <source>1 … 9, 0</source>
        <translation>1 … 9, 0</translation>
    </message>
    <message>
        <source>Select tile 1 … 10</source>
        <translation>Sélectionner la tuile 1 … 10</translation>
    </message>
    <message>
        <source>← ↑ → ↓</source>
        <translation>← ↑ → ↓</translation>
    </message>
    <message>
        <source>Move the selection to the next tile</source>
        <translation>Déplacer la sélection vers la tuile voisine</translation>
    </message>
    <message>
        <source>Enter, double-click</source>
        <translation>Entrée, double-clic</translation>
    </message>
    <message>
        <source>Maximise the selected tile, or restore the layout</source>
        <translation>Agrandir la tuile sélectionnée, ou rétablir la disposition</translation>
    </message>
    <message>
        <source>Stop the tour</source>
        <translation>Arrêter la ronde</translation>
    </message>
    <message>
        <source>Tour the cameras of this site (%1, 10 s each)</source>
        <translation>Ronde des caméras de ce site (%1, 10 s chacune)</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Automatic (after the tile&apos;s size)</source>
        <translation>Automatique (selon la taille de la tuile)</translation>
    </message>
    <message>
        <source>Main stream</source>
        <translation>Flux principal</translation>
    </message>
    <message>
        <source>Sub stream</source>
        <translation>Flux secondaire</translation>
    </message>
    <message>
        <source>Video walls</source>
        <translation>Murs vidéo</translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation>Espace %1</translation>
    </message>
    <message>
        <source>This workspace is shown in its own window.</source>
        <translation>Cet espace de travail est affiché dans sa propre fenêtre.</translation>
    </message>
    <message>
        <source>Bring it back here</source>
        <translation>Le ramener ici</translation>
    </message>
    <message>
        <source>Layout &quot;%1&quot; saved</source>
        <translation>Disposition « %1 » enregistrée</translation>
    </message>
    <message>
        <source>Save the layout</source>
        <translation>Enregistrer la disposition</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>There is no saved layout &quot;%1&quot; any more</source>
        <translation>La disposition enregistrée « %1 » n&apos;existe plus</translation>
    </message>
    <message>
        <source>%1 of the site&apos;s %2 cameras found no free tile</source>
        <translation>%1 des %2 caméras du site n&apos;ont pas trouvé de tuile libre</translation>
    </message>
    <message>
        <source>Rename the workspace</source>
        <translation>Renommer l&apos;espace de travail</translation>
    </message>
    <message>
        <source>Edit the layout…</source>
        <translation>Modifier la disposition…</translation>
    </message>
    <message>
        <source>Save the layout as…</source>
        <translation>Enregistrer la disposition sous…</translation>
    </message>
    <message>
        <source>Delete a saved layout</source>
        <translation>Supprimer une disposition enregistrée</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Incrustations</translation>
    </message>
    <message>
        <source>What the tiles show over the pictures</source>
        <translation>Ce que les tuiles affichent par-dessus les images</translation>
    </message>
    <message>
        <source>Camera name</source>
        <translation>Nom de la caméra</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Heure locale</translation>
    </message>
    <message>
        <source>Stream state</source>
        <translation>État du flux</translation>
    </message>
    <message>
        <source>Recording indicator</source>
        <translation>Indicateur d&apos;enregistrement</translation>
    </message>
    <message>
        <source>Alarm indicator</source>
        <translation>Indicateur d&apos;alarme</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>Nouvel espace de travail</translation>
    </message>
    <message>
        <source>At most %1 workspaces</source>
        <translation>%1 espaces de travail au plus</translation>
    </message>
    <message>
        <source>Close the workspace</source>
        <translation>Fermer l&apos;espace de travail</translation>
    </message>
    <message>
        <source>Rename the workspace…</source>
        <translation>Renommer l&apos;espace de travail…</translation>
    </message>
    <message>
        <source>Detach the workspace to another screen, or bring it back</source>
        <translation>Détacher l&apos;espace de travail vers un autre écran, ou le ramener</translation>
    </message>
    <message>
        <source>Send to wall</source>
        <translation>Envoyer au mur</translation>
    </message>
    <message>
        <source>Send the whole layout to wall</source>
        <translation>Envoyer toute la disposition au mur</translation>
    </message>
    <message>
        <source>Sent to %1</source>
        <translation>Envoyé vers %1</translation>
    </message>
    <message>
        <source>Wheel, + / −</source>
        <translation>Molette, + / −</translation>
    </message>
    <message>
        <source>Zoom into the picture (at the cursor, or the selected tile&apos;s centre)</source>
        <translation>Zoomer dans l&apos;image (sous le curseur, ou au centre de la tuile sélectionnée)</translation>
    </message>
    <message>
        <source>Drag in a zoomed tile</source>
        <translation>Glisser dans une tuile zoomée</translation>
    </message>
    <message>
        <source>Move the zoomed picture</source>
        <translation>Déplacer l&apos;image zoomée</translation>
    </message>
    <message>
        <source>Ctrl+0, Backspace, middle double-click</source>
        <translation>Ctrl+0, Retour arrière, double clic du milieu</translation>
    </message>
    <message>
        <source>Show the whole picture again</source>
        <translation>Revoir l&apos;image entière</translation>
    </message>
    <message>
        <source>Drag a tile onto a tile</source>
        <translation>Glisser une tuile sur une autre</translation>
    </message>
    <message>
        <source>Swap their cameras</source>
        <translation>Échanger leurs caméras</translation>
    </message>
    <message>
        <source>Send to wall (your account may not control the video walls)</source>
        <translation>Envoyer au mur (votre compte ne peut pas piloter les murs vidéo)</translation>
    </message>
    <message>
        <source>Open in a new window</source>
        <translation>Ouvrir dans une nouvelle fenêtre</translation>
    </message>
    <message>
        <source>Tour every camera, page by page (10 s per page)</source>
        <translation>Ronde de toutes les caméras, page par page (10 s par page)</translation>
    </message>
    <message>
        <source>Tour this site over the whole layout (10 s per page)</source>
        <translation>Ronde de ce site sur toute la disposition (10 s par page)</translation>
    </message>
    <message>
        <source>Stop every tour of this layout</source>
        <translation>Arrêter toutes les rondes de cette disposition</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmes</translation>
    </message>
    <message>
        <source>Alarm: %1 on the wall</source>
        <translation>Alarme : %1 sur le mur</translation>
    </message>
    <message>
        <source>(%1) %2</source>
        <translation>(%1) %2</translation>
    </message>
    <message>
        <source>Alarms unavailable for %1 s: %2 — new alarms will be shown when the link is back</source>
        <translation>Alarmes indisponibles depuis %1 s : %2 — les nouvelles alarmes s&apos;afficheront au retour de la liaison</translation>
    </message>
    <message>
        <source>Boxes around detected objects</source>
        <translation>Cadres autour des objets détectés</translation>
    </message>
    <message>
        <source>High priority alarm</source>
        <translation>Alarme de haute priorité</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) not seen yet</source>
        <translation>
            <numerusform>%n alarme non vue</numerusform>
            <numerusform>%n alarmes non vues</numerusform>
        </translation>
    </message>
    <message>
        <source>PTZ</source>
        <translation>PTZ</translation>
    </message>
    <message>
        <source>PTZ with the mouse</source>
        <translation>PTZ à la souris</translation>
    </message>
    <message>
        <source>On the selected PTZ camera&apos;s tile: drag to steer, Ctrl+click to centre, Shift+drag to zoom into an area, wheel to zoom (%1)</source>
        <translation>Sur la tuile de la caméra PTZ sélectionnée&#xa0;: glisser pour orienter, Ctrl+clic pour centrer, Maj+glisser pour zoomer sur une zone, molette pour zoomer (%1)</translation>
    </message>
    <message>
        <source>Review %1</source>
        <translation>Relecture %1</translation>
    </message>
    <message>
        <source>New review workspace</source>
        <translation>Nouvel espace de relecture</translation>
    </message>
    <message>
        <source>Tiles that play recordings at one shared time, with a timeline (Ctrl+R)</source>
        <translation>Des tuiles qui lisent les enregistrements à une même heure, avec une frise chronologique (Ctrl+R)</translation>
    </message>
    <message>
        <source>Recordings are not available with this backend</source>
        <translation>Les enregistrements ne sont pas disponibles avec ce serveur</translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation>Retour au direct</translation>
    </message>
    <message>
        <source>Instant replay (the last 30 s)</source>
        <translation>Relecture immédiate (les 30 dernières secondes)</translation>
    </message>
    <message>
        <source>Review this camera…</source>
        <translation>Revoir cette caméra…</translation>
    </message>
    <message>
        <source>Review · %1</source>
        <translation>Relecture · %1</translation>
    </message>
    <message>
        <source>At most %1 workspaces: close one to review</source>
        <translation>%1 espaces de travail au plus&#xa0;: fermez-en un pour relire</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Signets</translation>
    </message>
    <message>
        <source>Review the alarm of %1</source>
        <translation>Revoir l&apos;alarme de %1</translation>
    </message>
</context>
<context>
    <name>vigie::app::MonitorView</name>
    <message>
        <source>The backend sent a layout this display cannot show</source>
        <translation>Le serveur a envoyé une disposition que cet affichage ne sait pas montrer</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>%1 (cleared)</source>
        <translation>%1 (vidé)</translation>
    </message>
</context>
<context>
    <name>vigie::app::PtzConsole</name>
    <message>
        <source>Going home</source>
        <translation>Retour à la position de repos</translation>
    </message>
    <message>
        <source>Going to the preset</source>
        <translation>Aller à la position prédéfinie</translation>
    </message>
    <message>
        <source>Preset “%1” saved</source>
        <translation>Position «&#xa0;%1&#xa0;» enregistrée</translation>
    </message>
    <message>
        <source>Preset removed</source>
        <translation>Position supprimée</translation>
    </message>
    <message>
        <source>Tour started</source>
        <translation>Ronde lancée</translation>
    </message>
    <message>
        <source>Tour paused</source>
        <translation>Ronde en pause</translation>
    </message>
    <message>
        <source>Tour stopped</source>
        <translation>Ronde arrêtée</translation>
    </message>
    <message>
        <source>You control this camera</source>
        <translation>Vous contrôlez cette caméra</translation>
    </message>
    <message>
        <source>Control released</source>
        <translation>Contrôle libéré</translation>
    </message>
    <message>
        <source>Stopped: the commands stopped arriving in time</source>
        <translation>Arrêtée&#xa0;: les commandes n&apos;arrivaient plus à temps</translation>
    </message>
    <message>
        <source>No tile selected</source>
        <translation>Aucune tuile sélectionnée</translation>
    </message>
    <message>
        <source>Camera %1 is not in the directory</source>
        <translation>La caméra %1 n&apos;est pas dans l&apos;annuaire</translation>
    </message>
    <message>
        <source>This camera has no PTZ</source>
        <translation>Cette caméra n&apos;est pas motorisée</translation>
    </message>
    <message>
        <source>The camera is offline</source>
        <translation>La caméra est hors ligne</translation>
    </message>
    <message>
        <source>Centred</source>
        <translation>Centrée</translation>
    </message>
    <message>
        <source>Zoomed into the area</source>
        <translation>Zoom sur la zone</translation>
    </message>
    <message>
        <source>No preset %1 on this camera</source>
        <translation>Pas de position %1 sur cette caméra</translation>
    </message>
    <message>
        <source>Going to preset %1</source>
        <translation>Aller à la position %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>you</source>
        <translation>vous</translation>
    </message>
    <message>
        <source>PTZ · %1</source>
        <translation>PTZ · %1</translation>
    </message>
    <message>
        <source>%1 · %2 s</source>
        <translation>%1 · %2 s</translation>
    </message>
    <message>
        <source>You have no PTZ right on this camera</source>
        <translation>Vous n&apos;avez pas le droit de piloter cette caméra</translation>
    </message>
    <message>
        <source>The camera does not report its zoom</source>
        <translation>La caméra n&apos;indique pas son zoom</translation>
    </message>
</context>
<context>
    <name>vigie::app::ReviewConsole</name>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Playing</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Playing in reverse</source>
        <translation>Lecture arrière</translation>
    </message>
</context>
<context>
    <name>vigie::app::ReviewTimelineFeeder</name>
    <message>
        <source>No right to view the recordings of %1</source>
        <translation>Pas le droit de consulter les enregistrements de %1</translation>
    </message>
    <message>
        <source>Recordings of %1: %2</source>
        <translation>Enregistrements de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 — no right to view recordings</source>
        <translation>%1 — pas le droit de consulter les enregistrements</translation>
    </message>
    <message>
        <source>Alarms on the timeline: %1</source>
        <translation>Alarmes sur la frise&#xa0;: %1</translation>
    </message>
    <message>
        <source>Bookmarks on the timeline: %1</source>
        <translation>Signets sur la frise&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (et %n autre)</numerusform>
            <numerusform>%1 (et %n autres)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigie::app::TileStatistics</name>
    <message>
        <source>idle</source>
        <translation>inactif</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connexion</translation>
    </message>
    <message>
        <source>playing</source>
        <translation>lecture</translation>
    </message>
    <message>
        <source>stalled</source>
        <translation>bloqué</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>reconnexion</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Overloaded: reduced frame rate</source>
        <translation>Surcharge&#xa0;: cadence réduite</translation>
    </message>
    <message>
        <source>Overloaded: key frames only</source>
        <translation>Surcharge&#xa0;: images clés seulement</translation>
    </message>
    <message>
        <source>%1 %2x%3</source>
        <translation>%1 %2x%3</translation>
    </message>
    <message>
        <source>%1 fps in / %2 out · %3 kbit/s</source>
        <translation>%1 i/s reçues / %2 affichées · %3 kbit/s</translation>
    </message>
    <message>
        <source>decode %1 ms · drops %2 · reconnects %3</source>
        <translation>décodage %1 ms · pertes %2 · reconnexions %3</translation>
    </message>
    <message>
        <source>%1 fps in / %1 out · %1 kbit/s</source>
        <translation>%1 i/s reçues / %1 affichées · %1 kbit/s</translation>
    </message>
    <message>
        <source>decode %1 ms · drops %1 · reconnects %2</source>
        <translation>décodage %1 ms · pertes %1 · reconnexions %2</translation>
    </message>
    <message>
        <source>skipped %1 · errors %2 · last frame %3 ms ago</source>
        <translation>sautées %1 · erreurs %2 · dernière image il y a %3 ms</translation>
    </message>
    <message>
        <source>full rate</source>
        <translation>cadence pleine</translation>
    </message>
    <message>
        <source>reduced rate</source>
        <translation>cadence réduite</translation>
    </message>
    <message>
        <source>key frames only</source>
        <translation>images clés seulement</translation>
    </message>
    <message>
        <source>%1, %2 shed</source>
        <translation>%1, %2 écartées</translation>
    </message>
    <message>
        <source>decoder %1 (%2) · %3</source>
        <translation>décodeur %1 (%2) · %3</translation>
    </message>
    <message>
        <source>VAAPI</source>
        <translation>VAAPI</translation>
    </message>
    <message>
        <source>software</source>
        <translation>logiciel</translation>
    </message>
</context>
<context>
    <name>vigie::app::WallController</name>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>the tile shows no camera</source>
        <translation>la tuile n&apos;affiche aucune caméra</translation>
    </message>
    <message>
        <source>the camera is not playing</source>
        <translation>la caméra n&apos;est pas en lecture</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>mémoire insuffisante</translation>
    </message>
    <message>
        <source>Camera %1 is not in the directory</source>
        <translation>La caméra %1 n&apos;est pas dans l&apos;annuaire</translation>
    </message>
    <message>
        <source>This camera offers no video stream</source>
        <translation>Cette caméra ne propose aucun flux vidéo</translation>
    </message>
    <message>
        <source>Waiting for the camera directory</source>
        <translation>En attente de l&apos;annuaire des caméras</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>%1 · main stream</source>
        <translation>%1 · flux principal</translation>
    </message>
    <message>
        <source>%1 · sub stream</source>
        <translation>%1 · flux secondaire</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No video: %1</source>
        <translation>Pas de vidéo&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reconnecting: %1</source>
        <translation>Reconnexion&#xa0;: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Camera offline</source>
        <translation>Caméra hors ligne</translation>
    </message>
    <message>
        <source>Camera offline: %1</source>
        <translation>Caméra hors ligne&#xa0;: %1</translation>
    </message>
    <message>
        <source>main stream</source>
        <translation>flux principal</translation>
    </message>
    <message>
        <source>sub stream</source>
        <translation>flux secondaire</translation>
    </message>
    <message>
        <source>%1 · tour %2/%3</source>
        <translation>%1 · ronde %2/%3</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Véhicule</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Replay · </source>
        <translation>Relecture · </translation>
    </message>
    <message>
        <source>Loading the recording…</source>
        <translation>Chargement de l&apos;enregistrement…</translation>
    </message>
    <message>
        <source>Recording · %1</source>
        <translation>Enregistrement · %1</translation>
    </message>
    <message>
        <source>Recording · paused</source>
        <translation>Enregistrement · en pause</translation>
    </message>
    <message>
        <source>No recording here · next at %1</source>
        <translation>Pas d&apos;enregistrement ici · suivant à %1</translation>
    </message>
    <message>
        <source>No recording here</source>
        <translation>Pas d&apos;enregistrement ici</translation>
    </message>
    <message>
        <source>End of the recording so far</source>
        <translation>Fin de l&apos;enregistrement à ce jour</translation>
    </message>
    <message>
        <source>Recording destroyed: past the retention period</source>
        <translation>Enregistrement détruit&#xa0;: au-delà de la durée de conservation</translation>
    </message>
    <message>
        <source>Recording unavailable: %1</source>
        <translation>Enregistrement indisponible&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>vigie::app::WallDisplayWindow</name>
    <message>
        <source>Vigie — wall %1</source>
        <translation>Vigie — mur %1</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>%1 — showing the last known wall content</source>
        <translation>%1 — affichage du dernier contenu connu du mur</translation>
    </message>
    <message>
        <source>Loading the walls…</source>
        <translation>Chargement des murs…</translation>
    </message>
    <message>
        <source>The backend has no wall named &quot;%1&quot;. Walls: %2</source>
        <translation>Le serveur n&apos;a pas de mur nommé « %1 ». Murs : %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>The wall &quot;%1&quot; has no monitor &quot;%2&quot;</source>
        <translation>Le mur « %1 » n&apos;a pas d&apos;écran « %2 »</translation>
    </message>
    <message>
        <source>%1 — showing the last known wall content, reconnecting</source>
        <translation>%1 — affichage du dernier contenu connu du mur, reconnexion en cours</translation>
    </message>
</context>
<context>
    <name>vigie::app::WallPanel</name>
    <message>
        <source>No video wall on this backend.</source>
        <translation>Aucun mur vidéo sur ce serveur.</translation>
    </message>
    <message>
        <source>Sent to %1</source>
        <translation>Envoyé vers %1</translation>
    </message>
    <message>
        <source>Clear this monitor</source>
        <translation>Vider cet écran</translation>
    </message>
    <message>
        <source>%1 cleared</source>
        <translation>%1 vidé</translation>
    </message>
</context>
<context>
    <name>vigie::app::Workspace</name>
    <message>
        <source>The saved wall layout could not be read (&quot;%1&quot;): showing 2×2 instead.</source>
        <translation>La disposition enregistrée du mur n&apos;a pas pu être lue (« %1 ») : affichage en 2×2 à la place.</translation>
    </message>
</context>
<context>
    <name>vigie::app::WorkspaceWindow</name>
    <message>
        <source>Vigie — %1</source>
        <translation>Vigie — %1</translation>
    </message>
    <message>
        <source>Bring the workspace back to the console</source>
        <translation>Ramener l&apos;espace de travail dans la console</translation>
    </message>
</context>
<context>
    <name>vigie::rpc</name>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Backend unreachable</source>
        <translation>Serveur injoignable</translation>
    </message>
    <message>
        <source>Login refused</source>
        <translation>Connexion refusée</translation>
    </message>
    <message>
        <source>Configuration error</source>
        <translation>Erreur de configuration</translation>
    </message>
</context>
<context>
    <name>vigie::rpc::AlarmLink</name>
    <message>
        <source>Not connected to the backend yet</source>
        <translation>Pas encore connecté au serveur</translation>
    </message>
    <message>
        <source>No news of the alarms for %1 s</source>
        <translation>Aucune nouvelle des alarmes depuis %1 s</translation>
    </message>
    <message>
        <source>Alarm list</source>
        <translation>Liste des alarmes</translation>
    </message>
    <message>
        <source>Alarm feed</source>
        <translation>Flux des alarmes</translation>
    </message>
    <message>
        <source>The backend closed the alarm feed</source>
        <translation>Le serveur a fermé le flux des alarmes</translation>
    </message>
    <message>
        <source>The backend&apos;s alarm journal restarted: reloading the alarms</source>
        <translation>Le journal des alarmes du serveur a redémarré : rechargement des alarmes</translation>
    </message>
    <message>
        <source>Alarm history too old to resume from: reloading the alarms</source>
        <translation>Historique des alarmes trop ancien pour reprendre : rechargement des alarmes</translation>
    </message>
    <message>
        <source>%1: not connected to the backend</source>
        <translation>%1 : pas de connexion au serveur</translation>
    </message>
    <message>
        <source>%1: the alarm %2 is not among the known alarms</source>
        <translation>%1 : l&apos;alarme %2 ne fait pas partie des alarmes connues</translation>
    </message>
    <message>
        <source>%1: the alarm was changed meanwhile by %2 (%3 at %4); check its new state before acting again</source>
        <translation>%1 : l&apos;alarme a été modifiée entre-temps par %2 (%3 à %4) ; vérifiez son nouvel état avant d&apos;agir à nouveau</translation>
    </message>
    <message>
        <source>the system</source>
        <translation>le système</translation>
    </message>
    <message>
        <source>%1: the alarm was changed meanwhile; check its new state before acting again</source>
        <translation>%1 : l&apos;alarme a été modifiée entre-temps ; vérifiez son nouvel état avant d&apos;agir à nouveau</translation>
    </message>
    <message>
        <source>Alarm details</source>
        <translation>Détails de l&apos;alarme</translation>
    </message>
    <message>
        <source>Operator list</source>
        <translation>Liste des opérateurs</translation>
    </message>
    <message>
        <source>Acknowledging the alarm</source>
        <translation>Acquittement de l&apos;alarme</translation>
    </message>
    <message>
        <source>Taking the alarm</source>
        <translation>Prise de l&apos;alarme</translation>
    </message>
    <message>
        <source>Putting the alarm on hold</source>
        <translation>Mise en attente de l&apos;alarme</translation>
    </message>
    <message>
        <source>Closing the alarm</source>
        <translation>Clôture de l&apos;alarme</translation>
    </message>
    <message>
        <source>Commenting the alarm</source>
        <translation>Commentaire de l&apos;alarme</translation>
    </message>
    <message>
        <source>Assigning the alarm</source>
        <translation>Attribution de l&apos;alarme</translation>
    </message>
</context>
<context>
    <name>vigie::rpc::BackendClient</name>
    <message>
        <source>Logging in to %1 as %2</source>
        <translation>Connexion à %1 en tant que %2</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Camera list</source>
        <translation>Liste des caméras</translation>
    </message>
    <message>
        <source>Connected to %1 as %2 — %3 cameras</source>
        <translation>Connecté à %1 en tant que %2 — %3 caméras</translation>
    </message>
    <message>
        <source>Directory watch</source>
        <translation>Suivi de l&apos;annuaire</translation>
    </message>
    <message>
        <source>The backend at %1 closed the directory watch</source>
        <translation>Le serveur %1 a fermé le suivi de l&apos;annuaire</translation>
    </message>
    <message>
        <source>%1 — retrying in %2 s</source>
        <translation>%1 — nouvel essai dans %2 s</translation>
    </message>
    <message>
        <source>No news from the backend at %1 for %2 s</source>
        <translation>Aucune nouvelle du serveur %1 depuis %2 s</translation>
    </message>
</context>
<context>
    <name>vigie::rpc::BookmarkLink</name>
    <message>
        <source>Bookmarks</source>
        <translation>Signets</translation>
    </message>
    <message>
        <source>Creating the bookmark “%1”</source>
        <translation>Création du signet «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Changing the bookmark “%1”</source>
        <translation>Modification du signet «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Deleting the bookmark “%1”</source>
        <translation>Suppression du signet «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>vigie::rpc::MetadataLink</name>
    <message>
        <source>The analytics stream fell silent</source>
        <translation>Le flux d&apos;analyse ne répond plus</translation>
    </message>
    <message>
        <source>Analytics of %1</source>
        <translation>Analyse de %1</translation>
    </message>
    <message>
        <source>The backend closed the analytics stream</source>
        <translation>Le serveur a fermé le flux d&apos;analyse</translation>
    </message>
</context>
<context>
    <name>vigie::rpc::PtzDriver</name>
    <message>
        <source>Driving %1</source>
        <translation>Pilotage de %1</translation>
    </message>
    <message>
        <source>Driving %1: the backend ended the control</source>
        <translation>Pilotage de %1&#xa0;: le serveur a mis fin au contrôle</translation>
    </message>
    <message>
        <source>Driving %1 stopped: the control stream was cancelled</source>
        <translation>Pilotage de %1 arrêté&#xa0;: le flux de contrôle a été annulé</translation>
    </message>
    <message>
        <source>Driving %1 stopped: the link to the backend broke (%2)</source>
        <translation>Pilotage de %1 arrêté&#xa0;: la liaison avec le serveur est rompue (%2)</translation>
    </message>
    <message>
        <source>Driving %1 stopped: someone else took control</source>
        <translation>Pilotage de %1 arrêté&#xa0;: quelqu&apos;un d&apos;autre a pris la main</translation>
    </message>
    <message>
        <source>Driving %1 stopped: %2 took control</source>
        <translation>Pilotage de %1 arrêté&#xa0;: %2 a pris la main</translation>
    </message>
</context>
<context>
    <name>vigie::rpc::PtzLink</name>
    <message>
        <source>Driving %1</source>
        <translation>Pilotage de %1</translation>
    </message>
    <message>
        <source>Stopping %1</source>
        <translation>Arrêt de %1</translation>
    </message>
    <message>
        <source>Moving %1</source>
        <translation>Déplacement de %1</translation>
    </message>
    <message>
        <source>Centring %1</source>
        <translation>Centrage de %1</translation>
    </message>
    <message>
        <source>Zooming %1</source>
        <translation>Zoom de %1</translation>
    </message>
    <message>
        <source>Status of %1</source>
        <translation>État de %1</translation>
    </message>
    <message>
        <source>Presets of %1</source>
        <translation>Positions prédéfinies de %1</translation>
    </message>
    <message>
        <source>Going to a preset of %1</source>
        <translation>Aller à une position prédéfinie de %1</translation>
    </message>
    <message>
        <source>Storing a preset of %1</source>
        <translation>Enregistrement d&apos;une position prédéfinie de %1</translation>
    </message>
    <message>
        <source>Removing a preset of %1</source>
        <translation>Suppression d&apos;une position prédéfinie de %1</translation>
    </message>
    <message>
        <source>Sending %1 home</source>
        <translation>Retour de %1 à sa position de repos</translation>
    </message>
    <message>
        <source>Storing the home of %1</source>
        <translation>Enregistrement de la position de repos de %1</translation>
    </message>
    <message>
        <source>Tours of %1</source>
        <translation>Rondes de %1</translation>
    </message>
    <message>
        <source>Starting a tour of %1</source>
        <translation>Lancement d&apos;une ronde de %1</translation>
    </message>
    <message>
        <source>Stopping a tour of %1</source>
        <translation>Arrêt d&apos;une ronde de %1</translation>
    </message>
    <message>
        <source>Pausing a tour of %1</source>
        <translation>Pause d&apos;une ronde de %1</translation>
    </message>
    <message>
        <source>Taking control of %1</source>
        <translation>Prise de contrôle de %1</translation>
    </message>
    <message>
        <source>Releasing control of %1</source>
        <translation>Libération du contrôle de %1</translation>
    </message>
    <message>
        <source>Control of %1</source>
        <translation>Contrôle de %1</translation>
    </message>
</context>
<context>
    <name>vigie::rpc::RecordingLink</name>
    <message>
        <source>Recordings of %1</source>
        <translation>Enregistrements de %1</translation>
    </message>
    <message>
        <source>Events of the recordings</source>
        <translation>Événements des enregistrements</translation>
    </message>
    <message>
        <source>Retention of the recordings</source>
        <translation>Durée de conservation des enregistrements</translation>
    </message>
</context>
<context>
    <name>vigie::rpc::RpcError</name>
    <message>
        <source>Secure connection to %1 refused: its certificate is not signed by a trusted authority (check the CA file)</source>
        <translation>Connexion sécurisée à %1 refusée&#xa0;: son certificat n&apos;est pas signé par une autorité de confiance (vérifiez le fichier CA)</translation>
    </message>
    <message>
        <source>Secure connection to %1 failed: the backend does not speak TLS</source>
        <translation>Échec de la connexion sécurisée à %1&#xa0;: le serveur ne parle pas TLS</translation>
    </message>
    <message>
        <source>Secure connection to %1 failed (TLS handshake): %2</source>
        <translation>Échec de la connexion sécurisée à %1 (négociation TLS)&#xa0;: %2</translation>
    </message>
    <message>
        <source>Backend at %1 closed the connection while it was being set up (does it expect TLS?)</source>
        <translation>Le serveur %1 a fermé la connexion pendant son établissement (attend-il TLS&#xa0;?)</translation>
    </message>
    <message>
        <source>Backend unreachable at %1: connection refused</source>
        <translation>Serveur injoignable à %1&#xa0;: connexion refusée</translation>
    </message>
    <message>
        <source>Backend unreachable at %1: %2</source>
        <translation>Serveur injoignable à %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: the backend at %2 did not answer in time</source>
        <translation>%1&#xa0;: le serveur %2 n&apos;a pas répondu à temps</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1&#xa0;: refus — %2</translation>
    </message>
    <message>
        <source>not authenticated</source>
        <translation>non authentifié</translation>
    </message>
    <message>
        <source>%1: permission denied (%2)</source>
        <translation>%1&#xa0;: permission refusée (%2)</translation>
    </message>
    <message>
        <source>%1: this backend does not implement it</source>
        <translation>%1&#xa0;: ce serveur ne le prend pas en charge</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1&#xa0;: échec — %2</translation>
    </message>
    <message>
        <source>error %1</source>
        <translation>erreur %1</translation>
    </message>
</context>
<context>
    <name>vigie::rpc::WallLink</name>
    <message>
        <source>Wall list</source>
        <translation>Liste des murs</translation>
    </message>
    <message>
        <source>No news of the wall for %1 s</source>
        <translation>Aucune nouvelle du mur depuis %1 s</translation>
    </message>
    <message>
        <source>The wall&apos;s changes arrived out of order</source>
        <translation>Les changements du mur sont arrivés dans le désordre</translation>
    </message>
    <message>
        <source>Wall watch</source>
        <translation>Suivi du mur</translation>
    </message>
    <message>
        <source>The backend closed the wall watch</source>
        <translation>Le serveur a fermé le suivi du mur</translation>
    </message>
    <message>
        <source>Sending to the wall</source>
        <translation>Envoi au mur</translation>
    </message>
    <message>
        <source>Clearing a wall monitor</source>
        <translation>Effacement d&apos;un écran du mur</translation>
    </message>
    <message>
        <source>%1: not connected to the backend</source>
        <translation>%1 : pas de connexion au serveur</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::BookmarkDialog</name>
    <message>
        <source>New bookmark</source>
        <translation>Nouveau signet</translation>
    </message>
    <message>
        <source>Edit bookmark</source>
        <translation>Modifier le signet</translation>
    </message>
    <message>
        <source>What happens, in a few words (required)</source>
        <translation>Ce qui se passe, en quelques mots (obligatoire)</translation>
    </message>
    <message>
        <source>Bookmark title</source>
        <translation>Titre du signet</translation>
    </message>
    <message>
        <source>Details: what is seen, in what order (optional)</source>
        <translation>Détails&#xa0;: ce que l&apos;on voit, dans quel ordre (facultatif)</translation>
    </message>
    <message>
        <source>Bookmark note</source>
        <translation>Note du signet</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>Caméra&#xa0;:</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Plage&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note&#xa0;:</translation>
    </message>
    <message>
        <source>Describe events, never identify people: no names, no descriptions that single someone out (CNIL). Every investigator of this camera reads bookmarks.</source>
        <translation>Décrivez des faits, n&apos;identifiez jamais de personnes&#xa0;: ni nom, ni description qui distingue quelqu&apos;un (CNIL). Tous les enquêteurs de cette caméra lisent les signets.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 to %2 (%3)</source>
        <translation>de %1 à %2 (%3)</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 caractères</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::CameraItemDelegate</name>
    <message>
        <source>PTZ</source>
        <translation>PTZ</translation>
    </message>
    <message>
        <source>REC</source>
        <translation>ENR</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::CameraTreeModel</name>
    <message>
        <source>%1 (%2/%3 online)</source>
        <translation>%1 (%2/%3 en ligne)</translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>Identifiant&#xa0;: %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Étiquettes&#xa0;: %1</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>PTZ</source>
        <translation>PTZ</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Enregistrement</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::CameraTreeView</name>
    <message>
        <source>Search cameras…</source>
        <translation>Chercher des caméras…</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::LayoutEditorDialog</name>
    <message>
        <source>Edit layout</source>
        <translation>Modifier la disposition</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>Partir de</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Modifiée</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Drag over cells, or hold Shift with the arrow keys, to select them. M merges the selected tiles into one; S splits them back into single cells.</source>
        <translation>Faites glisser la souris sur des cellules, ou maintenez Maj avec les flèches, pour les sélectionner. M fusionne les tuiles sélectionnées en une seule ; S les redivise en cellules simples.</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionner</translation>
    </message>
    <message>
        <source>Merge the selected tiles into one tile (M)</source>
        <translation>Fusionner les tuiles sélectionnées en une seule (M)</translation>
    </message>
    <message>
        <source>&amp;Split</source>
        <translation>&amp;Diviser</translation>
    </message>
    <message>
        <source>Split the selected tiles into single cells (S)</source>
        <translation>Diviser les tuiles sélectionnées en cellules simples (S)</translation>
    </message>
    <message>
        <source>Layout name</source>
        <translation>Nom de la disposition</translation>
    </message>
    <message>
        <source>Name shown in the Layouts menu</source>
        <translation>Nom affiché dans le menu Dispositions</translation>
    </message>
    <message>
        <source>Start &amp;from:</source>
        <translation>&amp;Partir de :</translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation>&amp;Colonnes :</translation>
    </message>
    <message>
        <source>&amp;Rows:</source>
        <translation>&amp;Lignes :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>The layout as opened</source>
        <translation>La disposition d&apos;origine</translation>
    </message>
    <message>
        <source>Grid %1×%1</source>
        <translation>Grille %1×%1</translation>
    </message>
    <message>
        <source>The selection cuts through a tile: stretch it over the whole tile to merge.</source>
        <translation>La sélection coupe une tuile : étendez-la à toute la tuile pour fusionner.</translation>
    </message>
    <message>
        <source>Select cells of more than one tile to merge them.</source>
        <translation>Sélectionnez des cellules de plusieurs tuiles pour les fusionner.</translation>
    </message>
    <message>
        <source>Nothing to split: the selection holds only single cells.</source>
        <translation>Rien à diviser : la sélection ne contient que des cellules simples.</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::LayoutEditorGrid</name>
    <message>
        <source>Layout cells</source>
        <translation>Cellules de la disposition</translation>
    </message>
    <message>
        <source>Selected: columns %1 to %2, rows %3 to %4</source>
        <translation>Sélection : colonnes %1 à %2, lignes %3 à %4</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::LoginDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Serveur&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::PtzPanel</name>
    <message>
        <source>Take control</source>
        <translation>Prendre la main</translation>
    </message>
    <message>
        <source>Take the camera from its current holder</source>
        <translation>Prendre la caméra à qui la contrôle</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Libérer</translation>
    </message>
    <message>
        <source>Let others control the camera now</source>
        <translation>Laisser dès maintenant d&apos;autres contrôler la caméra</translation>
    </message>
    <message>
        <source>Speed of the moves started from this panel</source>
        <translation>Vitesse des mouvements lancés depuis ce panneau</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>speed in percent</comment>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <source>No tile selected</source>
        <translation>Aucune tuile sélectionnée</translation>
    </message>
    <message>
        <source>Up and left</source>
        <translation>En haut à gauche</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Haut</translation>
    </message>
    <message>
        <source>Up and right</source>
        <translation>En haut à droite</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Gauche</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Droite</translation>
    </message>
    <message>
        <source>Down and left</source>
        <translation>En bas à gauche</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Bas</translation>
    </message>
    <message>
        <source>Down and right</source>
        <translation>En bas à droite</translation>
    </message>
    <message>
        <source>Home position</source>
        <translation>Position de repos</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Wide −</source>
        <translation>Grand angle −</translation>
    </message>
    <message>
        <source>Zoom out while held</source>
        <translation>Zoom arrière tant que le bouton est maintenu</translation>
    </message>
    <message>
        <source>Tele +</source>
        <translation>Télé +</translation>
    </message>
    <message>
        <source>Zoom in while held</source>
        <translation>Zoom avant tant que le bouton est maintenu</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Mise au point</translation>
    </message>
    <message>
        <source>Near</source>
        <translation>Proche</translation>
    </message>
    <message>
        <source>Focus nearer while held</source>
        <translation>Mise au point plus proche tant que le bouton est maintenu</translation>
    </message>
    <message>
        <source>Far</source>
        <translation>Loin</translation>
    </message>
    <message>
        <source>Focus further while held</source>
        <translation>Mise au point plus lointaine tant que le bouton est maintenu</translation>
    </message>
    <message>
        <source>Iris</source>
        <translation>Iris</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the iris while held</source>
        <translation>Fermer l&apos;iris tant que le bouton est maintenu</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open the iris while held</source>
        <translation>Ouvrir l&apos;iris tant que le bouton est maintenu</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Positions prédéfinies</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Aller</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Name of a new preset</source>
        <translation>Nom d&apos;une nouvelle position</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Store the current position under this name</source>
        <translation>Enregistrer la position actuelle sous ce nom</translation>
    </message>
    <message>
        <source>Tours</source>
        <translation>Rondes</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>PTZ control is unavailable</source>
        <translation>Commande PTZ indisponible</translation>
    </message>
    <message>
        <source>Nobody controls this camera</source>
        <translation>Personne ne contrôle cette caméra</translation>
    </message>
    <message>
        <source>You control this camera · %1 s left</source>
        <translation>Vous contrôlez cette caméra · encore %1 s</translation>
    </message>
    <message>
        <source>You control this camera</source>
        <translation>Vous contrôlez cette caméra</translation>
    </message>
    <message>
        <source>Controlled by %1 · %2 s left</source>
        <translation>Contrôlée par %1 · encore %2 s</translation>
    </message>
    <message>
        <source>Controlled by %1</source>
        <translation>Contrôlée par %1</translation>
    </message>
    <message>
        <source>Controlled by %1 (%2) · %3 s left</source>
        <translation>Contrôlée par %1 (%2) · encore %3 s</translation>
    </message>
    <message>
        <source>Controlled by %1 (%2)</source>
        <translation>Contrôlée par %1 (%2)</translation>
    </message>
    <message>
        <source>%1 (running)</source>
        <translation>%1 (en cours)</translation>
    </message>
    <message>
        <source>%1 (paused)</source>
        <translation>%1 (en pause)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ReviewBar</name>
    <message>
        <source>One frame back</source>
        <translation>Image précédente</translation>
    </message>
    <message>
        <source>One frame back (Left in the timeline; Shift+Left: 10 s)</source>
        <translation>Image précédente (Gauche dans la frise&#xa0;; Maj+Gauche&#xa0;: 10 s)</translation>
    </message>
    <message>
        <source>Play in reverse</source>
        <translation>Lecture arrière</translation>
    </message>
    <message>
        <source>Play in reverse (J in the timeline: reverse, or slower)</source>
        <translation>Lecture arrière (J dans la frise&#xa0;: arrière, ou plus lent)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause (K in the timeline)</source>
        <translation>Pause (K dans la frise)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Play forward (L in the timeline: forward, or faster)</source>
        <translation>Lecture avant (L dans la frise&#xa0;: avant, ou plus vite)</translation>
    </message>
    <message>
        <source>One frame forward</source>
        <translation>Image suivante</translation>
    </message>
    <message>
        <source>One frame forward (Right in the timeline; Shift+Right: 10 s)</source>
        <translation>Image suivante (Droite dans la frise&#xa0;; Maj+Droite&#xa0;: 10 s)</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Vitesse de lecture</translation>
    </message>
    <message>
        <source>Playback speed: choose from ⅛× to 16× (J and L in the timeline change it too)</source>
        <translation>Vitesse de lecture&#xa0;: de ⅛× à 16× (J et L dans la frise la changent aussi)</translation>
    </message>
    <message>
        <source>Playback position</source>
        <translation>Position de lecture</translation>
    </message>
    <message>
        <source>Date and time of the picture shown (local time)</source>
        <translation>Date et heure de l&apos;image affichée (heure locale)</translation>
    </message>
    <message>
        <source>Bookmark the selection</source>
        <translation>Créer un signet sur la sélection</translation>
    </message>
    <message>
        <source>Bookmark the selected range (select a range with Shift+drag in the timeline)</source>
        <translation>Créer un signet sur la plage sélectionnée (sélectionnez une plage par Maj+glisser dans la frise)</translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation>Retour au direct</translation>
    </message>
    <message>
        <source>Leave the review and show the cameras live</source>
        <translation>Quitter la relecture et voir les caméras en direct</translation>
    </message>
    <message>
        <source>Playback state</source>
        <translation>État de la lecture</translation>
    </message>
    <message>
        <source>Bookmark…</source>
        <translation>Signet…</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::SavedLayoutList</name>
    <message>
        <source>Double-click a layout, or drag it onto the wall, to show it with its cameras</source>
        <translation>Double-cliquez sur une disposition, ou glissez-la sur le mur, pour l&apos;afficher avec ses caméras</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::TimelineJumpDialog</name>
    <message>
        <source>Go to date and time</source>
        <translation>Aller à une date et une heure</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Date and time to go to, in %1</source>
        <translation>Date et heure où aller, en %1</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Aller</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Aller à</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::TimelineWidget</name>
    <message>
        <source>Timeline</source>
        <translation>Frise chronologique</translation>
    </message>
    <message>
        <source>Recordings of the cameras over time. Wheel: zoom; drag: move in time; click: move the playhead; Shift+drag: select a range; J, K, L: shuttle; arrows: step; Home, End: start of the recordings, live; Ctrl+G: go to a date and time.</source>
        <translation>Enregistrements des caméras dans le temps. Molette&#xa0;: zoom&#xa0;; glisser&#xa0;: se déplacer dans le temps&#xa0;; clic&#xa0;: déplacer la tête de lecture&#xa0;; Maj+glisser&#xa0;: sélectionner une plage&#xa0;; J, K, L&#xa0;: navette&#xa0;; flèches&#xa0;: image par image&#xa0;; Début, Fin&#xa0;: début des enregistrements, direct&#xa0;; Ctrl+G&#xa0;: aller à une date et une heure.</translation>
    </message>
    <message>
        <source>Alarm (priority %1): %2
%3</source>
        <translation>Alarme (priorité %1)&#xa0;: %2
%3</translation>
    </message>
    <message>
        <source>Bookmark: %1
%2 to %3</source>
        <translation>Signet&#xa0;: %1
%2 à %3</translation>
    </message>
    <message>
        <source>not recorded yet</source>
        <translation>pas encore enregistré</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>chargement</translation>
    </message>
    <message>
        <source>deleted (retention)</source>
        <translation>supprimé (durée de conservation)</translation>
    </message>
    <message>
        <source>no recording</source>
        <translation>pas d&apos;enregistrement</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>%1: %2
%3</source>
        <translation>%1&#xa0;: %2
%3</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmes</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Signets</translation>
    </message>
    <message>
        <source>No camera on the timeline</source>
        <translation>Aucune caméra sur la frise</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::WallWidget</name>
    <message>
        <source>Video cannot be shown: OpenGL 3.3 core is not available (this display offers %1.%2).</source>
        <translation>Impossible d&apos;afficher la vidéo&#xa0;: OpenGL 3.3 core n&apos;est pas disponible (cet affichage propose %1.%2).</translation>
    </message>
    <message>
        <source>Video cannot be shown: the video shader could not be built (see the log).</source>
        <translation>Impossible d&apos;afficher la vidéo&#xa0;: le shader vidéo n&apos;a pas pu être construit (voir le journal).</translation>
    </message>
    <message>
        <source>Drop a camera here</source>
        <translation>Déposez une caméra ici</translation>
    </message>
    <message>
        <source>Video cannot be shown: OpenGL is not available.</source>
        <translation>Impossible d&apos;afficher la vidéo&#xa0;: OpenGL n&apos;est pas disponible.</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <source>REC</source>
        <translation>ENR</translation>
    </message>
    <message>
        <source>ALARM</source>
        <translation>ALARME</translation>
    </message>
    <message>
        <source>PLAYBACK</source>
        <translation>RELECTURE</translation>
    </message>
</context>
</TS>
